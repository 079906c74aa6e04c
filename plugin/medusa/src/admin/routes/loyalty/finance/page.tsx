import { FinancePage } from "@kinship/admin/medusa";
import { defineRouteConfig } from "@medusajs/admin-sdk";
import { WithRouterLinks } from "../../../components/router-link.tsx";

/** Loyalty → Finance: the month's points roll-forward by day, liability with breakage, benefit costs, CSV. */
const Finance = () => (
  <WithRouterLinks>
    <FinancePage />
  </WithRouterLinks>
);

export const config = defineRouteConfig({ label: "Finance", rank: 5 });

export default Finance;
