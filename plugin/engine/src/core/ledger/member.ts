import type { Draft } from "./draft.ts";
import type { Member } from "./types.ts";

/** The member a platform customer maps to, created on first sight at the lowest tier. */
export function ensureMember(draft: Draft, customerId: string): Member {
  if (draft.member) return draft.member;
  const base = draft.config.tiers[0];
  if (!base) throw new Error("bug: validated config has a tier");
  const member: Member = {
    customerId,
    available: 0,
    pending: 0,
    debt: 0,
    growth: 0,
    tierKey: base.key,
    tierSince: draft.now,
    downgradeDueAt: null,
    lastActivityAt: null,
    profile: { email: null, firstName: null, lastName: null, birthday: null, tags: [], referralCode: null },
    profileUpdatedAt: null,
    createdAt: draft.now,
    override: null,
    membership: null,
  };
  draft.member = member;
  draft.decision.memberCreated = true;
  draft.decision.outbox.push({
    key: `member:${customerId}:created`,
    topic: "member.created",
    payload: { customerId, tier: base.key },
  });
  return member;
}
