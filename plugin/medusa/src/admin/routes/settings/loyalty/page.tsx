import { LoyaltySettingsPage } from "@kinship/admin/medusa";
import { defineRouteConfig } from "@medusajs/admin-sdk";

/** Settings → Loyalty: tiers, earn rules (with the condition builder), rewards and member prices. */
const LoyaltySettings = () => <LoyaltySettingsPage />;

export const config = defineRouteConfig({ label: "Loyalty" });

export default LoyaltySettings;
