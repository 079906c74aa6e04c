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
