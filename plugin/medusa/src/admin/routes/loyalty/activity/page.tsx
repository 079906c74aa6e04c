import { ActivityPage } from "@kinship/admin/medusa";
import { defineRouteConfig } from "@medusajs/admin-sdk";

/** Loyalty → Activity: the audit log in words, and failed deliveries with their replay. */
const Activity = () => <ActivityPage />;

export const config = defineRouteConfig({ label: "Activity", rank: 2 });

export default Activity;
