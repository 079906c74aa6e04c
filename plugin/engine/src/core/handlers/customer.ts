import type { CustomerEvent } from "../events/schema.ts";
import type { Draft } from "../ledger/draft.ts";
import { ensureMember } from "../ledger/member.ts";
import { claimGuestPlans } from "../membership/purchase.ts";
import { awardFixed } from "./fixed-award.ts";

/** Lots a customer's creation awards (welcome bonuses) are keyed once per customer and rule. */
export function createdLotPrefix(customerId: string): string {
  return `customer:${customerId}:created`;
}

/** Profiles converge on the newest fact, whatever order the deliveries come in. */
function version(e: CustomerEvent): string {
  return `${e.occurredAt.toISOString()}|${e.type === "customer.updated" ? 1 : 0}`;
}

export function customerChanged(draft: Draft, e: CustomerEvent): void {
  const member = ensureMember(draft, e.customerId);
  const incoming = version(e);
  const current = member.profileUpdatedAt ? `${member.profileUpdatedAt.toISOString()}|1` : "";
  if (incoming >= current) {
    const p = member.profile;
    if (e.email !== undefined) p.email = e.email;
    if (e.firstName !== undefined) p.firstName = e.firstName;
    if (e.lastName !== undefined) p.lastName = e.lastName;
    if (e.birthday !== undefined) p.birthday = e.birthday;
    // Labels the segment sync wrote (`<tagPrefix>…`) come back on the platform's customer update:
    // they are Kinship's, not the merchant's tags.
    const pushed = draft.config.segmentSync.tagPrefix;
    if (e.tags !== undefined) p.tags = e.tags.filter((t) => !t.startsWith(pushed)).sort();
    if (e.referralCode !== undefined) p.referralCode = e.referralCode;
    if (e.phone !== undefined) p.phone = e.phone;
    member.profileUpdatedAt = e.occurredAt;
  } else {
    draft.decision.notes.push("older profile update ignored");
  }
  if (draft.state.guestPlans?.length) claimGuestPlans(draft, draft.state.guestPlans, e.occurredAt);
  if (e.type === "customer.created") awardFixed(draft, "customer.created", createdLotPrefix(e.customerId), e.occurredAt, e);
}
