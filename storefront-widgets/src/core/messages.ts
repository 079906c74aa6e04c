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
