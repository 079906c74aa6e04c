import type { KinshipLauncherQuery } from "../core/generated/graphql.ts";

/** The program as the launcher shows it: its name, currency and ways to earn; and the member's referral link. */
export type LauncherData = KinshipLauncherQuery;
export type WayToEarn = KinshipLauncherQuery["program"]["waysToEarn"][number];
