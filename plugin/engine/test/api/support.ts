import type { ExecutionResult } from "graphql";
import { dbOf } from "../../../../test/support/engine-db.ts";
import { benefits, programConfig, rewards } from "../../../../test/support/program-fixture.ts";
import type { Engine, ProgramConfigInput } from "../../src/index.ts";
import { uniqueProgramKey } from "../support/backends.ts";
import { adjust, order } from "../support/events.ts";

/** "Now" for every API scenario. */
export const NOW = new Date("2026-06-01T12:00:00Z");

/**
 * Member/Silver(500)/Gold(2000) with points that expire 40 days after they are earned, three
 * member prices and four rewards (one disabled).
 */
export function apiProgram(): ProgramConfigInput {
  return programConfig({
    expiry: { kind: "afterEarn", days: 40 },
    benefits: [benefits.silverTenPercent, benefits.goldSaleTwentyFivePercent, benefits.memberTeesThreeOff],
    rewards: [rewards.fiveOff, rewards.goldShipping, rewards.tenPercent, rewards.retired],
  });
}

/** Variant i of the grid (1..50): every 2nd is on sale, every 5th is a tee; prices 10.37, 10.74, ... */
export function gridVariant(i: number) {
  return {
    variantId: `gid://shopify/ProductVariant/${4_000_000_000_000 + i}`,
    productId: i % 5 === 0 ? "tee" : `p${i}`,
    collectionIds: i % 2 === 0 ? ["sale", "summer"] : ["summer"],
    price: 1000 + 37 * i,
    currency: "USD",
  };
}

/**
 * A program with the grid and three members:
 * ada — Gold: 2,500 points and growth; 1,600 expire on 19 June (two orders that day), 800 on 21 June,
 *       100 on 9 July (beyond 30 days);
 * bob — Member: 300 earned + 400 credited (no growth) = 700 points;
 * cara — earned nothing yet beyond a 10-point credit.
 */
export async function seedProgram(engine: Engine, prefix = "api"): Promise<string> {
  const key = uniqueProgramKey(prefix);
  const created = await engine.createProgram({ key, platform: "shopify", config: apiProgram(), actor: "setup", now: NOW });
  if (!created.ok) throw new Error(created.error.message);
  const { upsertVariants } = await import("../../src/store/index.ts");
  const grid = await upsertVariants(
    dbOf(engine),
    key,
    Array.from({ length: 50 }, (_, i) => gridVariant(i + 1)),
    NOW,
  );
  if (!grid.ok) throw new Error(grid.error.message);
  const inputs = [
    order("a1", "ada", "2026-05-10T09:00:00Z", [{ price: 150000 }]),
    order("a2", "ada", "2026-05-10T18:00:00Z", [{ price: 10000 }]),
    order("a3", "ada", "2026-05-12T08:30:00Z", [{ price: 80000 }]),
    order("a4", "ada", "2026-05-30T10:00:00Z", [{ price: 10000 }]),
    order("b1", "bob", "2026-05-20T10:00:00Z", [{ price: 30000 }]),
    adjust("bob", 400, { reason: "welcome", actor: "setup" }),
    adjust("cara", 10, { reason: "welcome", actor: "setup" }),
  ];
  for (const input of inputs) {
    const applied = await engine.apply(key, input, NOW);
    if (!applied.ok) throw new Error(applied.error.message);
  }
  return key;
}

/** A result as a client reads it over HTTP (errors as JSON: message, locations, path, extensions). */
export function json(result: ExecutionResult): {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
} {
  return JSON.parse(JSON.stringify(result));
}

/** One top-level field of a successful result (fails the test when the result has errors). */
export function field<T>(result: ExecutionResult, name: string): T {
  const r = json(result);
  if (r.errors || !r.data) throw new Error(`expected data, got ${JSON.stringify(r.errors)}`);
  return r.data[name] as T;
}

/** The first error's code, or null. */
export function codeOf(result: ExecutionResult): unknown {
  return result.errors?.[0]?.extensions.code ?? null;
}
