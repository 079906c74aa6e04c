import { type ComponentType, lazy } from "react";
import { OnboardingScreen } from "../screens/onboarding.tsx";
import { APP_BASE } from "./router.tsx";

/**
 * Every screen but the landing one is its own chunk, loaded on first visit (the shell shows a
 * skeleton meanwhile): the charts and the condition builder do not slow down the first paint.
 */
const ActivityScreen = lazy(() => import("../screens/activity.tsx").then((m) => ({ default: m.ActivityScreen })));
const DataRequestsScreen = lazy(() => import("../screens/data-requests.tsx").then((m) => ({ default: m.DataRequestsScreen })));
const DashboardScreen = lazy(() => import("../screens/dashboard.tsx").then((m) => ({ default: m.DashboardScreen })));
const FinanceScreen = lazy(() => import("../screens/finance.tsx").then((m) => ({ default: m.FinanceScreen })));
const InsightScreen = lazy(() => import("../screens/insight.tsx").then((m) => ({ default: m.InsightScreen })));
const EarnRulesScreen = lazy(() => import("../screens/earn-rules.tsx").then((m) => ({ default: m.EarnRulesScreen })));
const ImportsScreen = lazy(() => import("../screens/imports.tsx").then((m) => ({ default: m.ImportsScreen })));
const MemberScreen = lazy(() => import("../screens/member.tsx").then((m) => ({ default: m.MemberScreen })));
const MemberPricesScreen = lazy(() => import("../screens/member-prices.tsx").then((m) => ({ default: m.MemberPricesScreen })));
const MembersScreen = lazy(() => import("../screens/members.tsx").then((m) => ({ default: m.MembersScreen })));
const PlansScreen = lazy(() => import("../screens/plans.tsx").then((m) => ({ default: m.PlansScreen })));
const ReferralsScreen = lazy(() => import("../screens/referrals.tsx").then((m) => ({ default: m.ReferralsScreen })));
const WebhooksScreen = lazy(() => import("../screens/webhooks.tsx").then((m) => ({ default: m.WebhooksScreen })));
const CampaignsScreen = lazy(() => import("../screens/campaigns.tsx").then((m) => ({ default: m.CampaignsScreen })));
const CurrenciesScreen = lazy(() => import("../screens/currencies.tsx").then((m) => ({ default: m.CurrenciesScreen })));
const PartnersScreen = lazy(() => import("../screens/partners.tsx").then((m) => ({ default: m.PartnersScreen })));
const RewardsScreen = lazy(() => import("../screens/rewards.tsx").then((m) => ({ default: m.RewardsScreen })));
const SettingsScreen = lazy(() => import("../screens/settings.tsx").then((m) => ({ default: m.SettingsScreen })));
const TiersScreen = lazy(() => import("../screens/tiers.tsx").then((m) => ({ default: m.TiersScreen })));

/** The nav menu's screens, in its order; the first (`/app`) is the landing screen. */
export const SCREENS: { path: string; label: string; Screen: ComponentType }[] = [
  { path: APP_BASE, label: "Get started", Screen: OnboardingScreen },
  { path: `${APP_BASE}/dashboard`, label: "Dashboard", Screen: DashboardScreen },
  { path: `${APP_BASE}/members`, label: "Members", Screen: MembersScreen },
  { path: `${APP_BASE}/finance`, label: "Finance", Screen: FinanceScreen },
  { path: `${APP_BASE}/insight`, label: "Insight", Screen: InsightScreen },
  { path: `${APP_BASE}/tiers`, label: "Tiers", Screen: TiersScreen },
  { path: `${APP_BASE}/earn-rules`, label: "Earn rules", Screen: EarnRulesScreen },
  { path: `${APP_BASE}/rewards`, label: "Rewards", Screen: RewardsScreen },
  { path: `${APP_BASE}/member-prices`, label: "Member prices", Screen: MemberPricesScreen },
  { path: `${APP_BASE}/partners`, label: "Partners", Screen: PartnersScreen },
  { path: `${APP_BASE}/plans`, label: "Plans", Screen: PlansScreen },
  { path: `${APP_BASE}/referrals`, label: "Referrals", Screen: ReferralsScreen },
  { path: `${APP_BASE}/campaigns`, label: "Campaigns", Screen: CampaignsScreen },
  { path: `${APP_BASE}/activity`, label: "Activity", Screen: ActivityScreen },
  { path: `${APP_BASE}/imports`, label: "Import members", Screen: ImportsScreen },
  { path: `${APP_BASE}/webhooks`, label: "Webhooks", Screen: WebhooksScreen },
  { path: `${APP_BASE}/data-requests`, label: "Data requests", Screen: DataRequestsScreen },
  { path: `${APP_BASE}/currencies`, label: "Currencies", Screen: CurrenciesScreen },
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
