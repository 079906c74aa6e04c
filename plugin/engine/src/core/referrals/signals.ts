import type { FraudSignal, Referrals } from "../config/referrals.ts";
import { periodKey } from "../rules/period.ts";
import { addDays } from "../time.ts";
import type { ContactPrints } from "./normalise.ts";

export interface Signal {
  name: FraudSignal;
  detail: string;
}

export interface Session {
  kind: "ip" | "device";
  value: string;
  seenAt: Date;
}

/** What the checks compare: the referee's order and the referrer as the store knows them. */
export interface ReferralFacts {
  referrerCustomerId: string;
  refereeCustomerId: string;
  /** The referee's contact on this order (and profile). */
  referee: ContactPrints[];
  /** The referrer's profile and their own orders' contacts. */
  referrer: ContactPrints[];
  ip: string | null;
  deviceId: string | null;
  referrerSessions: Session[];
  /** When the referrer's earlier referrals (those that count towards the cap) happened. */
  priorReferrals: Date[];
  /** The referee's order time. */
  at: Date;
}

const CONTACT = [
  ["email", "same_email", "the referee's email is the referrer's (normalised)"],
  ["phone", "same_phone", "the referee's phone is the referrer's (digits)"],
  ["address", "same_address", "the referee's shipping address is the referrer's (normalised)"],
] as const;

/** The fraud checks, each on its own: every signal that matched, in a stable order. Empty: clean. */
export function referralSignals(facts: ReferralFacts, config: Referrals, zone: string): Signal[] {
  // The same person matches themselves on every other check: self_referral says it all.
  if (facts.referrerCustomerId === facts.refereeCustomerId)
    return [{ name: "self_referral", detail: "the member used their own referral code" }];
  const signals: Signal[] = [];
  for (const [field, name, detail] of CONTACT) {
    const mine = new Set(facts.referrer.flatMap((c) => (c[field] ? [c[field]] : [])));
    if (facts.referee.some((c) => c[field] !== undefined && mine.has(c[field]))) signals.push({ name, detail });
  }
  const since = addDays(facts.at, -config.sessionDays);
  const recent = facts.referrerSessions.filter((s) => s.seenAt >= since);
  if (facts.ip && recent.some((s) => s.kind === "ip" && s.value === facts.ip))
    signals.push({ name: "same_ip", detail: `the referee ordered from an IP the referrer used within ${config.sessionDays} days` });
  if (facts.deviceId && recent.some((s) => s.kind === "device" && s.value === facts.deviceId))
    signals.push({ name: "same_device", detail: `the referee ordered from a device the referrer used within ${config.sessionDays} days` });
  const bucket = periodKey(config.cap.period, facts.at, zone);
  const used = facts.priorReferrals.filter((d) => periodKey(config.cap.period, d, zone) === bucket).length;
  if (used >= config.cap.count)
    signals.push({
      name: "cap_reached",
      detail: `the referrer already has ${used} referrals this ${config.cap.period} (cap ${config.cap.count})`,
    });
  return signals;
}
