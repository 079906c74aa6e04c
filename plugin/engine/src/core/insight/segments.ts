import type { SegmentKey } from "../config/segments.ts";
import { DAY_MS, inZone } from "../time.ts";

/** A member is new for this many days after their first order (or after joining, with at most one order). */
export const NEW_DAYS = 30;
/** A member whose last order is older than this many days is lapsed, whatever they once spent. */
export const LAPSED_DAYS = 365;

/** What a member's segment is decided from: scores 1–5 (null with no order) and their orders. */
export interface RfmFacts {
  recency: number | null;
  frequency: number | null;
  monetary: number | null;
  orders: number;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  joinedAt: Date;
}

/**
 * The member's segment at `now`: the first rule that holds, so every member has exactly one.
 *
 * 1. new — first order within NEW_DAYS, or joined within NEW_DAYS with at most one order;
 * 2. lapsed — last order more than LAPSED_DAYS ago;
 * 3. champions — R ≥ 4, F ≥ 4 and M ≥ 4;
 * 4. at_risk — R ≤ 2 and (F ≥ 3 or M ≥ 3): bought often or much, not lately;
 * 5. loyal — F ≥ 4;
 * 6. lapsed — R = 1 (the least recent fifth);
 * 7. regular — everyone else, members with no order among them.
 *
 * The store computes the same rules in SQL for the whole program (store/insight/refresh.ts).
 */
export function segmentOf(f: RfmFacts, now: Date): SegmentKey {
  const newSince = now.getTime() - NEW_DAYS * DAY_MS;
  if ((f.firstOrderAt !== null && f.firstOrderAt.getTime() >= newSince) || (f.joinedAt.getTime() >= newSince && f.orders <= 1))
    return "new";
  if (f.lastOrderAt !== null && f.lastOrderAt.getTime() < now.getTime() - LAPSED_DAYS * DAY_MS) return "lapsed";
  const { recency: r, frequency: fr, monetary: m } = f;
  if (r === null || fr === null || m === null) return "regular";
  if (r >= 4 && fr >= 4 && m >= 4) return "champions";
  if (r <= 2 && (fr >= 3 || m >= 3)) return "at_risk";
  if (fr >= 4) return "loyal";
  if (r === 1) return "lapsed";
  return "regular";
}

/**
 * Quintile scores, 5 best (the highest values): 1 + ⌊5 × (values strictly below) / count⌋. Like
 * ntile(5) over distinct values, but equal values share a score, so two members who bought alike
 * never land in different segments (nor swap between runs). The store computes it with rank().
 */
export function quintiles(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const below = (v: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return values.map((v) => 1 + Math.floor((5 * below(v)) / values.length));
}

/** Whether the daily recompute is due: never run, or last run on an earlier day in the program's zone. */
export function insightDue(lastComputedAt: Date | null, now: Date, zone: string): boolean {
  if (lastComputedAt === null) return true;
  return inZone(lastComputedAt, zone).startOf("day") < inZone(now, zone).startOf("day");
}
