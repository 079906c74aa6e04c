import { LoyaltyDashboard } from "@kinship/admin/medusa";
import { defineRouteConfig } from "@medusajs/admin-sdk";
import { Sparkles } from "@medusajs/icons";
import { WithRouterLinks } from "../../components/router-link.tsx";

/** Loyalty (sidebar): the program at a glance; Members and Activity sit under it. */
const Loyalty = () => (
  <WithRouterLinks>
    <LoyaltyDashboard />
  </WithRouterLinks>
);

export const config = defineRouteConfig({ label: "Loyalty", icon: Sparkles });

export default Loyalty;
