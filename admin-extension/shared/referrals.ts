import { formatMoney } from "./money.ts";
import type { Period, ProgramConfig, ReferralsConfig, RewardKind } from "./program-config.ts";
import type { Referral, ReferralStatus } from "./types.ts";

/**
 * The referral program's settings (config `referrals`) and its review queue, independent of the
 * view: the engine's defaults filled in for the form, field checks as the engine makes them
 * (plugin/engine/src/core/config/referrals.ts), and words for statuses and fraud signals.
 */

export interface ReferralSettings {
  enabled: boolean;
  refereeReward: { kind: RewardKind; value: number; minimumOrder: number };
  referrerReward: { points: number; growth: number };
  cap: { count: number; period: Period };
  sessionDays: number;
}

export const REFERRAL_DEFAULTS: ReferralSettings = {
  enabled: false,
  refereeReward: { kind: "amountOff", value: 1000, minimumOrder: 0 },
  referrerReward: { points: 500, growth: 0 },
  cap: { count: 10, period: "month" },
  sessionDays: 30,
};

/** The program's referral settings with the engine's defaults for what it leaves out (no program yet: off). */
export function referralSettings(config: ProgramConfig): ReferralSettings {
  const r: ReferralsConfig = config.referrals ?? {};
  return {
    enabled: r.enabled ?? REFERRAL_DEFAULTS.enabled,
    refereeReward: { ...REFERRAL_DEFAULTS.refereeReward, ...r.refereeReward },
    referrerReward: { ...REFERRAL_DEFAULTS.referrerReward, ...r.referrerReward },
    cap: { ...REFERRAL_DEFAULTS.cap, ...r.cap },
    sessionDays: r.sessionDays ?? REFERRAL_DEFAULTS.sessionDays,
  };
}

type Patch = {
  enabled?: boolean;
  refereeReward?: Partial<ReferralSettings["refereeReward"]>;
  referrerReward?: Partial<ReferralSettings["referrerReward"]>;
  cap?: Partial<ReferralSettings["cap"]>;
  sessionDays?: number;
};

/** Changes the referral settings (writing the whole section, defaults included, so what is saved is what was shown). */
export function updateReferrals(config: ProgramConfig, patch: Patch): ProgramConfig {
  const now = referralSettings(config);
  const refereeReward = { ...now.refereeReward, ...patch.refereeReward };
  // Free shipping has no value; a percentage starts at 10 rather than at an amount's minor units.
  if (patch.refereeReward?.kind && patch.refereeReward.kind !== now.refereeReward.kind && patch.refereeReward.value === undefined)
    refereeReward.value = patch.refereeReward.kind === "freeShipping" ? 0 : patch.refereeReward.kind === "percentOff" ? 10 : 1000;
  return {
    ...config,
    referrals: {
      ...config.referrals,
      enabled: patch.enabled ?? now.enabled,
      refereeReward,
      referrerReward: { ...now.referrerReward, ...patch.referrerReward },
      cap: { ...now.cap, ...patch.cap },
      sessionDays: patch.sessionDays ?? now.sessionDays,
    },
  };
}

export type ReferralErrors = Partial<Record<"refereeValue" | "capCount" | "sessionDays", string>>;

/** The settings' field errors; empty when the engine would take them. */
export function referralErrors(settings: ReferralSettings): ReferralErrors {
  const errors: ReferralErrors = {};
  const { kind, value } = settings.refereeReward;
  if (kind === "percentOff" && (value < 1 || value > 100)) errors.refereeValue = "Enter a whole percentage from 1 to 100";
  if (kind === "amountOff" && value < 1) errors.refereeValue = "Enter an amount above 0";
  if (settings.cap.count < 1 || settings.cap.count > 1000) errors.capCount = "Enter 1 to 1,000 referrals";
  if (settings.sessionDays < 1 || settings.sessionDays > 365) errors.sessionDays = "Enter 1 to 365 days";
  return errors;
}

/** What the referee gets, in words: "10.00 USD off", "10% off", "Free shipping". */
export function refereeRewardText(reward: ReferralSettings["refereeReward"], currency: string): string {
  if (reward.kind === "freeShipping") return "Free shipping";
  if (reward.kind === "percentOff") return `${reward.value}% off`;
  return `${formatMoney(reward.value, currency)} off`;
}

export const REFERRAL_STATUSES: readonly ReferralStatus[] = ["FLAGGED", "PENDING", "APPROVED", "PAID", "REJECTED", "VOID"];

const statusLabels: Record<ReferralStatus, string> = {
  PENDING: "Pending",
  FLAGGED: "Flagged",
  APPROVED: "Approved",
  PAID: "Paid",
  REJECTED: "Rejected",
  VOID: "Void (order refunded)",
};

export function referralStatusLabel(status: ReferralStatus): string {
  return statusLabels[status] ?? status;
}

const signalLabels: Record<string, string> = {
  self_referral: "Self-referral",
  same_email: "Same email as the referrer",
  same_phone: "Same phone as the referrer",
  same_address: "Same shipping address as the referrer",
  same_ip: "Same IP as the referrer's recent sessions",
  same_device: "Same device as the referrer's recent sessions",
  cap_reached: "Referrer over the cap",
};

/** A fraud signal's name in words; an unknown one as it is. */
export function signalLabel(name: string): string {
  return signalLabels[name] ?? name;
}

/** The review queue's order: FLAGGED first, then newest first (stable for equal times). */
export function flaggedFirst(referrals: readonly Referral[]): Referral[] {
  return [...referrals].sort((a, b) => {
    const flagged = Number(b.status === "FLAGGED") - Number(a.status === "FLAGGED");
    return flagged !== 0 ? flagged : b.createdAt.localeCompare(a.createdAt);
  });
}

/** Only a flagged referral takes a decision. */
export function canReview(referral: Pick<Referral, "status">): boolean {
  return referral.status === "FLAGGED";
}

/** The note sent with a decision: trimmed, null when blank; at most 500 characters. */
export function reviewNote(text: string): { ok: true; note: string | null } | { ok: false; message: string } {
  const note = text.trim();
  if (note.length > 500) return { ok: false, message: "Keep the note to 500 characters" };
  return { ok: true, note: note === "" ? null : note };
}
