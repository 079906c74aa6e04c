import { DateTime } from "luxon";
import type { Draft } from "../ledger/draft.ts";
import { reviewTier } from "../ledger/growth.ts";
import { giveBonus } from "./bonus.ts";
import { dueOccurrence, type MonthDay, monthDayOf } from "./dates.ts";

/**
 * The clock's campaigns for one member at `draft.now`: the birthday bonus once a year on the
 * member's birthday in the program's time zone, the anniversary bonus on the day they joined each
 * year after the first. A day the clock missed is still given up to CATCH_UP_DAYS late; the year
 * given is recorded (and is the bonus lot's key), so a rerun or a second clock gives nothing.
 */
export function clockCampaigns(draft: Draft): void {
  const member = draft.requireMember();
  const { birthday, anniversary } = draft.config.campaigns;
  const zone = draft.config.timezone;
  const c = draft.campaigns;
  const birth = monthDayOf(member.profile.birthday);
  if (birthday && birth) {
    const due = dueOccurrence(birth, draft.now, zone);
    // A birthday whose day was over before the member joined is not theirs to claim.
    if (due && (c.birthdayYear ?? 0) < due.year && member.createdAt < due.endsAt) {
      c.birthdayYear = due.year;
      draft.touchCampaigns();
      giveBonus(draft, {
        key: `birthday:${member.customerId}:${due.year}`,
        ...birthday,
        at: draft.now,
        reason: "birthday bonus",
        orderId: null,
        immediate: true,
      });
    }
  }
  if (anniversary) {
    const joined = joinDay(member.createdAt, zone);
    const due = dueOccurrence(joined.md, draft.now, zone);
    if (due && due.year > joined.year && (c.anniversaryYear ?? 0) < due.year) {
      c.anniversaryYear = due.year;
      draft.touchCampaigns();
      giveBonus(draft, {
        key: `anniversary:${member.customerId}:${due.year}`,
        ...anniversary,
        at: draft.now,
        reason: `${due.year - joined.year}-year anniversary bonus`,
        orderId: null,
        immediate: true,
      });
    }
  }
  reviewTier(draft, "upgradeOnly", `campaigns:${member.customerId}:${draft.now.toISOString()}`);
}

function joinDay(at: Date, zone: string): { year: number; md: MonthDay } {
  const local = DateTime.fromJSDate(at, { zone });
  return { year: local.year, md: { month: local.month, day: local.day } };
}
