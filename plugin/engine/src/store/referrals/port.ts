import { bind } from "../db/bind.ts";
import type { Db } from "../db/connect.ts";
import { backfillReferralCodes, ensureReferralCode, linkCodeOf, memberOfCode } from "./codes.ts";
import { payDueReferrals } from "./payout.ts";
import {
  findReferral,
  listReferrals,
  referralCounts,
  referralsBy,
  reserveWelcomeCode,
  settleWelcomeCode,
  welcomeDue,
} from "./referrals.ts";
import { reviewReferral } from "./review.ts";
import { recordSession } from "./sessions.ts";

export function referralsPort(db: Db) {
  return {
    /** The member's code (made the first time it is asked for); null for a customer who is not a member. */
    codeOf: bind(db, ensureReferralCode),
    /** The code for a signed-in customer's link (a customer who is not a member yet gets the code they will have). */
    linkCodeOf: bind(db, linkCodeOf),
    memberOfCode: bind(db, memberOfCode),
    backfillCodes: bind(db, backfillReferralCodes),
    recordSession: bind(db, recordSession),
    find: bind(db, findReferral),
    list: bind(db, listReferrals),
    by: bind(db, referralsBy),
    counts: bind(db, referralCounts),
    review: bind(db, reviewReferral),
    payDue: bind(db, payDueReferrals),
    welcomeDue: bind(db, welcomeDue),
    reserveWelcomeCode: bind(db, reserveWelcomeCode),
    settleWelcomeCode: bind(db, settleWelcomeCode),
  };
}

export type ReferralsPort = ReturnType<typeof referralsPort>;
