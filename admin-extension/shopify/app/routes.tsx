import type { ComponentType } from "react";
import { ActivityScreen } from "../screens/activity.tsx";
import { DashboardScreen } from "../screens/dashboard.tsx";
import { EarnRulesScreen } from "../screens/earn-rules.tsx";
import { MemberScreen } from "../screens/member.tsx";
import { MemberPricesScreen } from "../screens/member-prices.tsx";
import { MembersScreen } from "../screens/members.tsx";
import { OnboardingScreen } from "../screens/onboarding.tsx";
import { PartnersScreen } from "../screens/partners.tsx";
import { RewardsScreen } from "../screens/rewards.tsx";
import { SettingsScreen } from "../screens/settings.tsx";
import { TiersScreen } from "../screens/tiers.tsx";
import { APP_BASE } from "./router.tsx";

/** The nav menu's screens, in its order; the first (`/app`) is the landing screen. */
export const SCREENS: { path: string; label: string; Screen: ComponentType }[] = [
  { path: APP_BASE, label: "Get started", Screen: OnboardingScreen },
  { path: `${APP_BASE}/dashboard`, label: "Dashboard", Screen: DashboardScreen },
  { path: `${APP_BASE}/members`, label: "Members", Screen: MembersScreen },
  { path: `${APP_BASE}/tiers`, label: "Tiers", Screen: TiersScreen },
  { path: `${APP_BASE}/earn-rules`, label: "Earn rules", Screen: EarnRulesScreen },
  { path: `${APP_BASE}/rewards`, label: "Rewards", Screen: RewardsScreen },
  { path: `${APP_BASE}/member-prices`, label: "Member prices", Screen: MemberPricesScreen },
  { path: `${APP_BASE}/partners`, label: "Partners", Screen: PartnersScreen },
  { path: `${APP_BASE}/activity`, label: "Activity", Screen: ActivityScreen },
  { path: `${APP_BASE}/settings`, label: "Settings", Screen: SettingsScreen },
];

const MEMBER = /^\/app\/members\/([^/]+)\/?$/;

/** The screen for a path: a listed screen, a member page, or null (not found). */
export function route(path: string): { Screen: ComponentType; customerId?: string } | null {
  const member = MEMBER.exec(path);
  if (member?.[1]) {
    try {
      return { Screen: MemberScreen, customerId: decodeURIComponent(member[1]) };
    } catch {
      return null;
    }
  }
  const normalized = path.length > 1 ? path.replace(/\/$/, "") : path;
  const screen = SCREENS.find((s) => s.path === normalized);
  return screen ? { Screen: screen.Screen } : null;
}
