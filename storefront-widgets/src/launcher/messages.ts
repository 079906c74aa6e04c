/**
 * The launcher panel's words; the block (or the page) overrides any of them through its config's
 * `messages`. They ship in launcher.js only, never in the page's initial script.
 */
export const launcherMessages = {
  close: "Close",
  loading: "Loading…",
  failed: "Could not load your rewards. Please try again.",
  retry: "Try again",
  joinTitle: "Join {program}",
  joinText: "Earn points on every order, unlock member prices and redeem rewards.",
  join: "Create an account",
  signIn: "Sign in",
  earn: "Ways to earn",
  perUnit: "{points} per {money} spent",
  multiplier: "{n}× points",
  growthOnly: "Counts towards your tier",
  redeemCost: "{n} points",
  referral: "Refer a friend",
  referralLabel: "Your referral link",
  copy: "Copy link",
  copied: "Link copied",
};

export type LauncherMessages = typeof launcherMessages;
