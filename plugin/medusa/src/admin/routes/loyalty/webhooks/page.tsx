import { WebhooksPage } from "@kinship/admin/medusa";
import { defineRouteConfig } from "@medusajs/admin-sdk";

/** Loyalty → Webhooks: signed endpoints for the program's events, the delivery log and dead-letter replay. */
const Webhooks = () => <WebhooksPage />;

export const config = defineRouteConfig({ label: "Webhooks", rank: 4 });

export default Webhooks;
