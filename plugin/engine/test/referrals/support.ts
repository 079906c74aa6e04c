import { sql } from "kysely";
import { dbOf } from "../../../../test/support/engine-db.ts";
import * as fixture from "../../../../test/support/program-fixture.ts";
import type { Engine } from "../../src/index.ts";
import { uniqueProgramKey } from "../support/backends.ts";
import { order } from "../support/events.ts";

export const SETUP = new Date("2026-03-01T12:00:00Z");
/** The referee's first order; with a 14-day return window the referral is payable 14 days later. */
export const ORDER_AT = "2026-03-10T12:00:00Z";
export const PAYABLE = new Date("2026-03-24T12:00:00Z");
export const BEFORE_PAYABLE = new Date("2026-03-24T11:59:59Z");

export const REFERRER_IP = "203.0.113.7";
export const REFERRER_DEVICE = "dev-ada-1";

/** Referrals on: 500 points and 100 growth per paid referral, 3 a month, sessions compared over 30 days. */
export async function referralProgram(engine: Engine, prefix: string, cap = 3): Promise<{ key: string; id: number }> {
  const key = uniqueProgramKey(prefix);
  const created = await engine.createProgram({
    key,
    platform: "custom",
    config: fixture.programConfig({
      pendingDays: 14,
      referrals: {
        enabled: true,
        refereeReward: { kind: "amountOff", value: 1000, minimumOrder: 0 },
        referrerReward: { points: 500, growth: 100 },
        cap: { count: cap, period: "month" },
        sessionDays: 30,
      },
    }),
    actor: "setup",
    now: SETUP,
  });
  if (!created.ok) throw new Error(created.error.message);
  return { key, id: created.value.id };
}

export async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/**
 * The referrer ada: a member with an email, a phone, an earlier order shipped to her address, and
 * a browser session. Answers her referral code.
 */
export async function referrer(engine: Engine, program: { key: string; id: number }): Promise<string> {
  const created = {
    type: "customer.created",
    customerId: "ada",
    occurredAt: "2026-02-01T10:00:00Z",
    email: "ada.lovelace@gmail.com",
    phone: "+44 20 7946 0000",
  };
  await must(engine.apply(program.key, created, SETUP));
  const own = order("ada-1", "ada", "2026-02-02T10:00:00Z", [{ price: 2000 }], {
    contact: {
      email: "ada.lovelace@gmail.com",
      phone: "020 7946 0001",
      shippingAddress: { line1: "12 Analytical Row", city: "London", postalCode: "N1 9GU", country: "GB" },
    },
  });
  await must(engine.apply(program.key, own, SETUP));
  await engine.referrals.recordSession(program.id, "ada", { ip: REFERRER_IP, deviceId: REFERRER_DEVICE }, new Date("2026-03-05T09:00:00Z"));
  const code = await engine.referrals.codeOf(program.id, "ada", SETUP);
  if (!code) throw new Error("ada has no code");
  return code;
}

/** A referee's first order with a clean contact and browser unless `extra` says otherwise. */
export function refereeOrder(
  orderId: string,
  customerId: string,
  code: string,
  extra: { contact?: Record<string, unknown>; ip?: string; deviceId?: string; at?: string } = {},
) {
  return order(orderId, customerId, extra.at ?? ORDER_AT, [{ price: 5000 }], {
    contact: extra.contact ?? {
      email: `${customerId}@example.com`,
      phone: "+1 415 555 0134",
      shippingAddress: { line1: "1 Market St", city: "San Francisco", postalCode: "94105", country: "US" },
    },
    referral: { code, ip: extra.ip ?? "198.51.100.20", deviceId: extra.deviceId ?? `dev-${customerId}` },
  });
}

export interface ReferralRow {
  id: string;
  status: string;
  signals: { name: string }[];
  points: number;
  note: string | null;
}

export async function referralsOf(engine: Engine, programId: number): Promise<ReferralRow[]> {
  const r = await sql<ReferralRow>`SELECT id::text AS id, status, signals, points::int AS points, note FROM kinship_referral
    WHERE program_id = ${programId} ORDER BY kinship_referral.id`.execute(dbOf(engine));
  return r.rows;
}

export async function available(engine: Engine, program: string, customerId: string, now: Date): Promise<number> {
  const m = await engine.member(program, customerId, now);
  if (!m.ok) throw new Error(m.error.message);
  return m.value.points.available;
}

export async function outboxTopics(engine: Engine, programId: number, topic: string): Promise<string[]> {
  const r = await sql<{
    key: string;
  }>`SELECT key FROM kinship_outbox WHERE program_id = ${programId} AND topic = ${topic} ORDER BY key`.execute(dbOf(engine));
  return r.rows.map((x) => x.key);
}
