import type { PerkBlock } from "./types.ts";

const number = new Intl.NumberFormat("en-US");

export const points = (n: number): string => `${number.format(n)} ${n === 1 ? "point" : "points"}`;

const BLOCKED: Record<PerkBlock, string> = {
  SIGN_IN: "Sign in to claim this perk.",
  TIER: "Reach a higher tier to claim this perk.",
  LIMIT: "You have claimed this perk for now; more claims open next period.",
  SOLD_OUT: "All codes for this perk have been claimed.",
};

export const blockedReason = (block: PerkBlock): string => BLOCKED[block];

/** A date-time as a short day. */
export const day = (iso: string): string =>
  new Date(iso).toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
