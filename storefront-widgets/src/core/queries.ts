/**
 * The widgets' operations, written compactly: the theme embed ships them as they are. The test
 * suite validates them against `storefrontSdl`.
 */
export const ME_QUERY =
  "query KinshipMe{me{customerId tier{key name threshold badge{label color icon}}points{available pending expiringSoon{points on}}growth nextTier{key name remaining}}}";

/** The launcher panel's program (name, currency, ways to earn) and the member's referral link (null for guests). */
export const LAUNCHER_QUERY =
  "query KinshipLauncher{program{name currency waysToEarn{id name trigger pointsPerUnit points multiplier}}referralLink}";

export const PRICES_QUERY =
  "query KinshipPrices($ids:[ID!]!){memberPrices(variantIds:$ids){variantId currency basePrice memberPrice benefit teaser{tier tierName memberPrice}}}";

export const REWARDS_QUERY = "query KinshipRewards{rewards{id name cost kind value available}}";

/** `$key` is the attempt's idempotency key: the same key (a retried request) answers the same code. */
export const REDEEM_MUTATION =
  "mutation KinshipRedeem($id:ID!,$key:String){redeem(rewardId:$id,idempotencyKey:$key){rewardId code points}}";

/** `me` names whose codes these are, so they are only ever kept in that shopper's snapshot. */
export const PERKS_QUERY =
  "query KinshipPerks{me{customerId}perks{partner name perk minTier claimable blockedBy claimsLeft codes{partner code claimedAt}}}";

export const CLAIM_PERK_MUTATION =
  "mutation KinshipClaimPerk($partner:ID!,$key:String){claimPerk(partner:$partner,idempotencyKey:$key){partner code claimedAt}}";

/** The server answers at most this many variant ids per memberPrices call (MAX_VARIANTS). */
export const MAX_VARIANTS = 250;

/** The membership widget: the member's plan and what it saved them, and the plans on sale (also for guests). */
export const MEMBERSHIP_QUERY =
  "query KinshipMembership{me{customerId tier{key name}tierSource membership{status currentPeriodEnd benefitsUntil plan{key name price currency period}value{currency fee memberPrices freeShipping rewards perks total exceedsFee}}}program{currency plans{key name price currency period tier freeShipping}}}";

/** Earned badges, stamp cards and the birthday (null: not given yet, the form is offered). */
export const CAMPAIGNS_QUERY =
  "query KinshipCampaigns{me{customerId birthday badges{key name description icon color earnedAt}stampCards{id name stamps collected completed}}}";

/** The member's code, link and counts, and the offer friends get. */
export const REFERRAL_QUERY =
  "query KinshipReferral{me{customerId referrals{code link pending paid pointsEarned}}program{currency referral{refereeRewardKind refereeRewardValue referrerPoints}}}";

export const SET_BIRTHDAY_MUTATION = "mutation KinshipSetBirthday($date:String!){setBirthday(date:$date){customerId birthday}}";

/** Once per browser session for a signed-in member: the device id from the `kinship_device` cookie. */
export const RECORD_SESSION_MUTATION = "mutation KinshipRecordSession($d:String!){recordSession(deviceId:$d)}";
