/** The words the widgets show; override any of them (provider `messages` prop, embed config `messages`). */
export const messages = {
  member: "{tier} member",
  points: "{n} points",
  point: "{n} point",
  pending: "(+{points} pending)",
  regularPrice: "Regular price",
  memberPrice: "Member price",
  join: "Join to get {price}",
  upgrade: "{tier} members get {price}",
  stale: "may be out of date",
  next: "{n} more to reach {tier}",
  progress: "Progress to {tier}",
  top: "Top tier reached",
  rewards: "Rewards",
  redeem: "Redeem",
  redeeming: "Redeeming…",
  code: "Your code:",
  redeemFailed: "Could not redeem this reward. Please try again.",
  noRewards: "No rewards yet.",
};

export type Messages = typeof messages;

/**
 * The partner perks' words (the React <PartnerPerks> and loyalty.js's <kinship-perks>). Apart from
 * `messages` so the theme embed, whose size is budgeted, does not carry them; override them the same way.
 */
export const perkMessages = {
  perks: "Partner perks",
  claim: "Claim",
  claiming: "Claiming…",
  perkSignIn: "Sign in to claim",
  perkTier: "For {tier} members and above",
  perkClaimed: "Claimed",
  perkSoldOut: "All claimed",
  perkCodes: "Your codes:",
  claimFailed: "Could not claim this perk. Please try again.",
  noPerks: "No partner perks yet.",
};

export type PerkMessages = typeof perkMessages;
