import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../../test/support/engine-db.ts";
import type { Engine } from "../../src/index.ts";
import { type BackendName, backends, openTestEngine } from "../support/backends.ts";
import {
  available,
  must,
  ORDER_AT,
  outboxTopics,
  PAYABLE,
  REFERRER_DEVICE,
  REFERRER_IP,
  refereeOrder,
  referralProgram,
  referralsOf,
  referrer,
} from "./support.ts";

/** ada's points before any referral pays: her own order's 20 points, pending then matured. */
const ADA_OWN = 20;

describe.each<BackendName>(backends)("referral fraud matrix (%s)", (backend) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
  });
  afterAll(() => engine.close());

  async function caught(extra: Parameters<typeof refereeOrder>[3]) {
    const program = await referralProgram(engine, `fraud-${backend}`);
    const code = await referrer(engine, program);
    const applied = await must(engine.apply(program.key, refereeOrder("bob-1", "bob", code, extra), new Date(ORDER_AT)));
    const [row] = await referralsOf(engine, program.id);
    await engine.maintain(program.key, PAYABLE);
    return { program, applied, row, after: await referralsOf(engine, program.id) };
  }

  it("a clean referral is PENDING with no signal, and pays 500 points by the engine's clock", async () => {
    const { program, row, after } = await caught({});
    expect(row).toMatchObject({ status: "PENDING", signals: [] });
    expect(after[0]).toMatchObject({ status: "PAID", points: 500 });
    expect(await available(engine, program.key, "ada", PAYABLE)).toBe(ADA_OWN + 500);
    expect(await outboxTopics(engine, program.id, "referral.paid")).toEqual([`referral.paid:${row?.id}`]);
  });

  const cases: [string, Parameters<typeof refereeOrder>[3]][] = [
    [
      "same_email",
      {
        contact: {
          email: "Ada.Love.Lace+deals@GoogleMail.com",
          shippingAddress: { line1: "9 Elsewhere", city: "Leeds", postalCode: "LS1", country: "GB" },
        },
      },
    ],
    ["same_phone", { contact: { email: "bob@example.com", phone: "(020) 7946-0001" } }],
    [
      "same_address",
      {
        contact: {
          email: "bob@example.com",
          shippingAddress: { line1: "  12 analytical row. ", city: "LONDON", postalCode: "n1  9gu", country: "gb" },
        },
      },
    ],
    ["same_ip", { ip: REFERRER_IP }],
    ["same_device", { deviceId: REFERRER_DEVICE }],
  ];
  for (const [signal, extra] of cases)
    it(`${signal} alone flags the referral; it pays nothing until the owner decides`, async () => {
      const { program, row, after } = await caught(extra);
      expect(row?.status).toBe("FLAGGED");
      expect(row?.signals.map((s) => s.name)).toEqual([signal]);
      expect(after[0]?.status).toBe("FLAGGED");
      expect(await available(engine, program.key, "ada", PAYABLE)).toBe(ADA_OWN);
      expect(await outboxTopics(engine, program.id, "referral.flagged")).toEqual([`referral.flagged:${row?.id}`]);
    });

  it("same_ip and same_device only count the referrer's sessions within sessionDays", async () => {
    const program = await referralProgram(engine, `fraud-${backend}`);
    const code = await referrer(engine, program);
    await engine.referrals.recordSession(program.id, "ada", { ip: "192.0.2.99", deviceId: "old-device" }, new Date("2026-01-01T00:00:00Z"));
    await must(
      engine.apply(program.key, refereeOrder("bob-1", "bob", code, { ip: "192.0.2.99", deviceId: "old-device" }), new Date(ORDER_AT)),
    );
    expect((await referralsOf(engine, program.id))[0]).toMatchObject({ status: "PENDING", signals: [] });
  });

  it("cap_reached alone: the 4th referral in a month with a cap of 3 is flagged, the 3 before are clean", async () => {
    const program = await referralProgram(engine, `fraud-${backend}`);
    const code = await referrer(engine, program);
    for (const [i, who] of ["bob", "cy", "di", "ed"].entries())
      await must(engine.apply(program.key, refereeOrder(`${who}-1`, who, code, { at: `2026-03-1${i}T12:00:00Z` }), new Date(ORDER_AT)));
    const rows = await referralsOf(engine, program.id);
    expect(rows.map((r) => [r.status, r.signals.map((s) => s.name).join()])).toEqual([
      ["PENDING", ""],
      ["PENDING", ""],
      ["PENDING", ""],
      ["FLAGGED", "cap_reached"],
    ]);
    expect(rows[3]?.signals.map((s) => s.name)).toEqual(["cap_reached"]);
    // The next month starts a new count.
    await must(engine.apply(program.key, refereeOrder("fy-1", "fy", code, { at: "2026-04-02T12:00:00Z" }), new Date(ORDER_AT)));
    expect((await referralsOf(engine, program.id))[4]).toMatchObject({ status: "PENDING", signals: [] });
  });

  it("self_referral: a member's own code on their first order makes a REJECTED referral with the signal, and no reward", async () => {
    const program = await referralProgram(engine, `fraud-${backend}`);
    await referrer(engine, program);
    await must(
      engine.apply(program.key, { type: "customer.created", customerId: "cy", occurredAt: "2026-03-01T00:00:00Z" }, new Date(ORDER_AT)),
    );
    const own = await engine.referrals.codeOf(program.id, "cy", new Date(ORDER_AT));
    const applied = await must(engine.apply(program.key, refereeOrder("cy-1", "cy", own ?? ""), new Date(ORDER_AT)));
    expect(applied.notes.join(" ")).toContain("REJECTED");
    const [row] = await referralsOf(engine, program.id);
    expect(row).toMatchObject({ status: "REJECTED", note: "the member's own referral code: no reward" });
    expect(row?.signals.map((s) => s.name)).toEqual(["self_referral"]);
    await engine.maintain(program.key, PAYABLE);
    expect((await referralsOf(engine, program.id))[0]?.status).toBe("REJECTED");
    expect(await available(engine, program.key, "cy", PAYABLE)).toBe(50);
  });

  it("a code that does not exist makes no referral: the order earns as usual and the reason is in the audit log", async () => {
    const program = await referralProgram(engine, `fraud-${backend}`);
    await referrer(engine, program);
    const applied = await must(engine.apply(program.key, refereeOrder("bob-1", "bob", "no-such-code"), new Date(ORDER_AT)));
    expect(applied).toMatchObject({
      status: "applied",
      notes: ["no referral: no member has this referral code"],
    });
    expect(await referralsOf(engine, program.id)).toEqual([]);
    const audit = await sql<{ action: string; subject: string; after: { reason: string; code: string } }>`
      SELECT action, subject, after FROM kinship_audit WHERE program_id = ${program.id} AND action = 'referral.refused'`.execute(
      dbOf(engine),
    );
    expect(audit.rows).toEqual([
      {
        action: "referral.refused",
        subject: "bob-1",
        after: expect.objectContaining({ reason: "unknown_code", code: "no-such-code" }),
      },
    ]);
    await engine.maintain(program.key, PAYABLE);
    expect(await available(engine, program.key, "ada", PAYABLE)).toBe(ADA_OWN);
  });

  it("a code on a customer's second order makes no referral (not_first_order)", async () => {
    const program = await referralProgram(engine, `fraud-${backend}`);
    const code = await referrer(engine, program);
    await must(engine.apply(program.key, refereeOrder("bob-0", "bob", "no-code-yet", { at: "2026-03-01T12:00:00Z" }), new Date(ORDER_AT)));
    const applied = await must(engine.apply(program.key, refereeOrder("bob-1", "bob", code), new Date(ORDER_AT)));
    expect(applied.notes).toContain("no referral: the customer had a paid order before: only a first order is referred");
    expect(await referralsOf(engine, program.id)).toEqual([]);
  });
});
