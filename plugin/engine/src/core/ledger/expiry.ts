import type { ExpiryPolicy } from "../config/schema.ts";
import { addDays, endOfMonth } from "../time.ts";

/** When a lot earned at `earnedAt` expires under the program's policy (null: never, or on inactivity). */
export function lotExpiresAt(policy: ExpiryPolicy, earnedAt: Date, zone: string): Date | null {
  if (policy.kind !== "afterEarn") return null;
  const at = addDays(earnedAt, policy.days);
  return policy.roundToMonthEnd ? endOfMonth(at, zone) : at;
}

/** Under an inactivity policy, the instant the member's points lapse. */
export function inactivityDeadline(policy: ExpiryPolicy, lastActivityAt: Date | null): Date | null {
  if (policy.kind !== "inactivity" || !lastActivityAt) return null;
  return addDays(lastActivityAt, policy.days);
}
