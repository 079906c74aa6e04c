import type { Engine, ProgramConfigInput } from "@kinship/engine";
import { expect } from "vitest";
import { dbOf } from "../../../../test/support/engine-db.ts";
import { programConfig, type RewardInput, rewards } from "../../../../test/support/program-fixture.ts";
import { uniqueProgramKey } from "../../../engine/test/support/backends.ts";
import { order } from "../../../engine/test/support/events.ts";

export const NOW = new Date("2026-03-11T00:00:00Z");

export const REWARDS: RewardInput[] = [
  rewards.fiveOffFor100Points,
  { id: "ten-pct", name: "10% off", cost: 200, kind: "percentOff", value: 10 },
  rewards.freeShippingFor50Points,
  { id: "gold-gift", name: "$10 off for Gold", cost: 100, kind: "amountOff", value: 1000, minTier: "gold" },
  { id: "retired", name: "Old reward", cost: 10, kind: "amountOff", value: 100, enabled: false },
];

/** A program of its own (a shop domain, so the Shopify issuer can be pointed at it) with the rewards above. */
export async function rewardsProgram(engine: Engine, extra: Partial<ProgramConfigInput> = {}): Promise<string> {
  const key = uniqueProgramKey("redeem");
  const created = await engine.createProgram({
    key,
    platform: "shopify",
    config: programConfig({ rewards: REWARDS, ...extra }),
    actor: "test",
    now: new Date("2026-01-01T00:00:00Z"),
  });
  if (!created.ok) throw new Error(created.error.message);
  return key;
}

/** A member with `points` available (1 point per dollar; growth alike, so 1000 points is Silver). */
export async function memberWith(engine: Engine, program: string, customerId: string, points: number): Promise<void> {
  const r = await engine.apply(program, order(`${customerId}-o1`, customerId, "2026-03-01T00:00:00Z", [{ price: points * 100 }]), NOW);
  if (!r.ok) throw new Error(r.error.message);
}

export async function available(engine: Engine, program: string, customerId: string): Promise<number> {
  const m = await engine.member(program, customerId, NOW);
  if (!m.ok) throw new Error(m.error.message);
  return m.value.points.available;
}

/** The member's lots as (key, remaining, status), to show points came back to exactly where they were. */
export async function lots(engine: Engine, program: string, customerId: string): Promise<[string, number, string][]> {
  const rows = await dbOf(engine)
    .selectFrom("kinship_lot")
    .innerJoin("kinship_member", "kinship_member.id", "kinship_lot.member_id")
    .innerJoin("kinship_program", "kinship_program.id", "kinship_lot.program_id")
    .select(["kinship_lot.key", "kinship_lot.remaining", "kinship_lot.status"])
    .where("kinship_program.key", "=", program)
    .where("kinship_member.customer_id", "=", customerId)
    .orderBy("kinship_lot.key")
    .execute();
  return rows.map((r) => [r.key, Number(r.remaining), r.status]);
}

export async function redemptions(engine: Engine, program: string) {
  return dbOf(engine)
    .selectFrom("kinship_redemption")
    .innerJoin("kinship_program", "kinship_program.id", "kinship_redemption.program_id")
    .select(["kinship_redemption.key", "status", "code", "platform_ref", "error", "points", "reward_id"])
    .where("kinship_program.key", "=", program)
    .orderBy("kinship_redemption.id")
    .execute();
}

export async function entryKinds(engine: Engine, program: string): Promise<string[]> {
  const rows = await dbOf(engine)
    .selectFrom("kinship_entry")
    .innerJoin("kinship_program", "kinship_program.id", "kinship_entry.program_id")
    .select(["kinship_entry.kind"])
    .where("kinship_program.key", "=", program)
    .orderBy("kinship_entry.id")
    .execute();
  return rows.map((r) => r.kind);
}

export async function verified(engine: Engine, program: string): Promise<void> {
  expect(await engine.verify(program)).toEqual([]);
}

export const CODE = /^KIN-[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{4}$/;
