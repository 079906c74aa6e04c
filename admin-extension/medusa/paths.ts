/** Where the loyalty screens live in the Medusa admin (plugin/medusa/src/admin/routes), relative to its root. */
export const loyaltyPaths = {
  dashboard: "/loyalty",
  members: "/loyalty/members",
  member: (customerId: string) => `/loyalty/members/${encodeURIComponent(customerId)}`,
  activity: "/loyalty/activity",
  finance: "/loyalty/finance",
  insight: "/loyalty/insight",
  referrals: "/loyalty/referrals",
  webhooks: "/loyalty/webhooks",
  dataRequests: "/loyalty/data-requests",
  imports: "/loyalty/imports",
  settings: "/settings/loyalty",
};
