import { InsightPage } from "@kinship/admin/medusa";
import { defineRouteConfig } from "@medusajs/admin-sdk";
import { WithRouterLinks } from "../../../components/router-link.tsx";

/** Loyalty → Insight: RFM segments, the 20/80 share, members against other buyers, tier migration, a segment's members. */
const Insight = () => (
  <WithRouterLinks>
    <InsightPage />
  </WithRouterLinks>
);

export const config = defineRouteConfig({ label: "Insight", rank: 6 });

export default Insight;
