export { ActivityPage } from "./activity-page.tsx";
export { CustomerLoyaltyWidget, type CustomerLoyaltyWidgetProps } from "./customer-loyalty-widget.tsx";
export { LoyaltyDashboard } from "./dashboard-page.tsx";
export { LoyaltySettingsPage } from "./loyalty-settings-page.tsx";
export { MemberPage, type MemberPageProps } from "./member-page.tsx";
export { MembersPage } from "./members-page.tsx";
export { OrderPointsWidget, type OrderPointsWidgetProps } from "./order-points-widget.tsx";
export { type AdminLinkProps, AdminLinkProvider } from "./parts/link.tsx";
export { loyaltyPaths } from "./paths.ts";
