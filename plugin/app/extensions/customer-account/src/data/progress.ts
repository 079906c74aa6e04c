import type { Member } from "./types.ts";

export interface TierProgress {
  nextName: string;
  remaining: number;
  /** 0–100, how far the member is from the current tier's threshold to the next one's. */
  percent: number;
}

/** Progress to the next tier, or null at the top tier. */
export function tierProgress(member: Member): TierProgress | null {
  const next = member.nextTier;
  if (!next) return null;
  const span = member.growth + next.remaining - member.tier.threshold;
  const done = member.growth - member.tier.threshold;
  const percent = span <= 0 ? 100 : Math.min(100, Math.max(0, Math.floor((done * 100) / span)));
  return { nextName: next.name, remaining: next.remaining, percent };
}

export interface ExpiringSummary {
  points: number;
  /** The earliest day points expire (ISO date-time). */
  first: string;
}

/** Points expiring within the server's window (30 days), summed, with the first day; null if none. */
export function expiringSoon(member: Member): ExpiringSummary | null {
  const batches = member.points.expiringSoon.filter((b) => b.points > 0);
  if (batches.length === 0) return null;
  const first = batches.reduce((a, b) => (Date.parse(b.on) < Date.parse(a.on) ? b : a));
  return { points: batches.reduce((sum, b) => sum + b.points, 0), first: first.on };
}
