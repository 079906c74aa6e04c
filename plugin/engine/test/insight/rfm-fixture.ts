import { programConfig } from "../../../../test/support/program-fixture.ts";
import type { Engine } from "../../src/index.ts";
import { uniqueProgramKey } from "../support/backends.ts";
import { adjust, customerCreated, order } from "../support/events.ts";

/** "Now" for the RFM fixture: 1 June 2026, 12:00 in Tokyo (the program's zone). */
export const NOW = new Date("2026-06-01T03:00:00Z");
const DAY = 86_400_000;
export const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

/**
 * Ten buyers with known scores (n = 10: ranks 1–2 score 1, 3–4 → 2, 5–6 → 3, 7–8 → 4, 9–10 → 5),
 * orders a week apart back from the last one, every order of a buyer the same price:
 *
 *   who  last  orders × price = spend   R F M  segment
 *   a     10d   7 × 1500 = 10500        5 5 5  champions
 *   b     60d   6 × 1200 =  7200        4 4 4  champions
 *   c    100d   5 ×  800 =  4000        3 4 2  loyal
 *   d    150d   3 × 2000 =  6000        2 3 3  at_risk
 *   e    200d   4 × 2000 =  8000        2 3 4  at_risk
 *   f    300d   1 × 1000 =  1000        1 1 1  lapsed (R = 1)
 *   g    400d   8 × 1100 =  8800        1 5 5  lapsed (no order in 365 days, before at_risk)
 *   h     90d   2 × 2500 =  5000        3 2 3  regular
 *   i     50d   1 × 2000 =  2000        4 1 1  regular
 *   j      5d   1 × 3000 =  3000        5 1 2  new (first order 5 days ago)
 *
 * f, i and j tie on one order: they share frequency 1 (rank 1). Members without orders: k joined
 * 2 days ago (new), l 100 days ago (regular); x and y were moved up tiers by hand (growth):
 * x member → silver on 1 April 01:00 JST (31 March 16:00Z), y member → silver on 31 March 23:00 JST
 * and silver → gold on 10 April, both regular.
 */
export const BUYERS = {
  a: { last: 10, orders: 7, price: 1500, rfm: [5, 5, 5], segment: "champions" },
  b: { last: 60, orders: 6, price: 1200, rfm: [4, 4, 4], segment: "champions" },
  c: { last: 100, orders: 5, price: 800, rfm: [3, 4, 2], segment: "loyal" },
  d: { last: 150, orders: 3, price: 2000, rfm: [2, 3, 3], segment: "at_risk" },
  e: { last: 200, orders: 4, price: 2000, rfm: [2, 3, 4], segment: "at_risk" },
  f: { last: 300, orders: 1, price: 1000, rfm: [1, 1, 1], segment: "lapsed" },
  g: { last: 400, orders: 8, price: 1100, rfm: [1, 5, 5], segment: "lapsed" },
  h: { last: 90, orders: 2, price: 2500, rfm: [3, 2, 3], segment: "regular" },
  i: { last: 50, orders: 1, price: 2000, rfm: [4, 1, 1], segment: "regular" },
  j: { last: 5, orders: 1, price: 3000, rfm: [5, 1, 2], segment: "new" },
} as const;

export async function seedRfm(engine: Engine, prefix = "rfm"): Promise<string> {
  const key = uniqueProgramKey(prefix);
  const config = programConfig({ timezone: "Asia/Tokyo" });
  const created = await engine.createProgram({ key, platform: "custom", config, actor: "t", now: daysAgo(500) });
  if (!created.ok) throw new Error(created.error.message);
  const timeline: { at: Date; input: Record<string, unknown> }[] = [];
  for (const [who, b] of Object.entries(BUYERS))
    for (let n = 0; n < b.orders; n += 1) {
      const at = daysAgo(b.last + 7 * n);
      timeline.push({ at, input: order(`${who}${n + 1}`, who, at.toISOString(), [{ price: b.price }]) });
    }
  timeline.push({ at: daysAgo(2), input: customerCreated("k", daysAgo(2).toISOString()) });
  timeline.push({ at: daysAgo(100), input: customerCreated("l", daysAgo(100).toISOString()) });
  const moves = [
    ["x", "2026-03-31T16:00:00Z", 600],
    ["y", "2026-03-31T14:00:00Z", 600],
    ["y", "2026-04-10T00:00:00Z", 1500],
  ] as const;
  for (const [who, iso, growth] of moves) timeline.push({ at: new Date(iso), input: adjust(who, 0, { growth }) });
  timeline.sort((p, q) => p.at.getTime() - q.at.getTime());
  for (const { at, input } of timeline) {
    const applied = await engine.apply(key, input, at);
    if (!applied.ok) throw new Error(`${at.toISOString()}: ${applied.error.message}`);
  }
  return key;
}
