import { programConfig, type RewardInput } from "../../../../test/support/program-fixture.ts";
import type { Engine } from "../../src/index.ts";
import { order } from "../support/events.ts";

export const NOW = new Date("2026-03-11T00:00:00Z");

/** A custom program with these rewards, where each customer has earned 250 points (a 250.00 order on 2026-03-01). */
export async function rewardsProgram(engine: Engine, key: string, rewards: RewardInput[], customers: string[]): Promise<string> {
  const r = await engine.createProgram({ key, platform: "custom", config: programConfig({ rewards }), actor: "t", now: NOW });
  if (!r.ok) throw new Error(r.error.message);
  for (const c of customers) {
    const earned = await engine.apply(key, order(`${c}-o1`, c, "2026-03-01T00:00:00Z", [{ price: 25000 }]), NOW);
    if (!earned.ok) throw new Error(earned.error.message);
  }
  return key;
}

/** A member's available points, or -1 when there is no such member. */
export async function available(engine: Engine, program: string, customerId: string): Promise<number> {
  const m = await engine.member(program, customerId, NOW);
  return m.ok ? m.value.points.available : -1;
}
