import { CAMPAIGNS_QUERY, MEMBERSHIP_QUERY, RECORD_SESSION_MUTATION, REFERRAL_QUERY, SET_BIRTHDAY_MUTATION } from "./queries.ts";
import type { BirthdaySet, CampaignsData, GraphQLRequest, MembershipData, ReferralData } from "./types.ts";

/**
 * The membership, campaign and referral answers, each asked once until `reset` (a redemption, a
 * claim or a saved birthday). Separate queries on purpose: one that fails (a program without
 * referrals, an older server) leaves the others standing, and none of them touches `me`'s query.
 */
export interface MemberExtras {
  membership(): Promise<MembershipData>;
  campaigns(): Promise<CampaignsData>;
  referral(): Promise<ReferralData>;
  /** YYYY-MM-DD, once: a different date afterwards is refused (BirthdayLocked). */
  setBirthday(date: string): Promise<BirthdaySet>;
  /** This browser's device id for the signed-in member (false for a guest). */
  recordSession(deviceId: string): Promise<boolean>;
  reset(): void;
}

export function memberExtras(request: GraphQLRequest): MemberExtras {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(query: string): Promise<T> => {
    let p = cache.get(query) as Promise<T> | undefined;
    if (!p) {
      p = request<T>(query);
      cache.set(query, p);
      // A failure is not kept: the next ask tries again.
      p.catch(() => cache.get(query) === p && cache.delete(query));
    }
    return p;
  };
  return {
    membership: () => once(MEMBERSHIP_QUERY),
    campaigns: () => once(CAMPAIGNS_QUERY),
    referral: () => once(REFERRAL_QUERY),
    setBirthday: (date) => request<{ setBirthday: BirthdaySet }>(SET_BIRTHDAY_MUTATION, { date }).then((d) => d.setBirthday),
    recordSession: (d) => request<{ recordSession: boolean }>(RECORD_SESSION_MUTATION, { d }).then((x) => x.recordSession),
    reset: () => cache.clear(),
  };
}
