import { fill } from "../core/format.ts";
import type { PerkMessages } from "../core/messages.ts";
import type { Perk } from "../core/types.ts";
import type { WayToEarn } from "./types.ts";

/** Pure text for the panel (unit-tested without a DOM). */

type EarnMessages = { perUnit: string; multiplier: string; growthOnly: string; points: string; point: string };

const number = (n: number, locale?: string) => new Intl.NumberFormat(locale).format(n);

/** One whole currency unit, e.g. "$1" or "¥1". */
export function oneUnit(currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(1);
  } catch {
    return `1 ${currency}`;
  }
}

/** "2 points per $1 spent", "50 points", "2× points", or "Counts towards your tier" for a growth-only rule. */
export function earnText(w: WayToEarn, currency: string, m: EarnMessages, locale?: string): string {
  const points = (n: number) => fill(n === 1 ? m.point : m.points, { n: number(n, locale) });
  if (w.pointsPerUnit != null) return fill(m.perUnit, { points: points(w.pointsPerUnit), money: oneUnit(currency, locale) });
  if (w.points != null) return points(w.points);
  if (w.multiplier != null) return fill(m.multiplier, { n: number(w.multiplier, locale) });
  return m.growthOnly;
}

/** Why a perk cannot be claimed, in words (as <PartnerPerks> says it); the tier by its key. */
export function perkBlockedText(p: Perk, m: PerkMessages): string {
  if (p.blockedBy === "SIGN_IN") return m.perkSignIn;
  if (p.blockedBy === "TIER") return fill(m.perkTier, { tier: p.minTier ?? "" });
  if (p.blockedBy === "LIMIT") return m.perkClaimed;
  return m.perkSoldOut;
}
