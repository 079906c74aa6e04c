export { CustomerLoyaltyWidget, type CustomerLoyaltyWidgetProps } from "./customer-loyalty-widget.tsx";
export { LoyaltySettingsPage } from "./loyalty-settings-page.tsx";
export { OrderPointsWidget, type OrderPointsWidgetProps } from "./order-points-widget.tsx";
