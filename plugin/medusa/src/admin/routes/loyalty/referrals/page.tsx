import { ReferralsPage } from "@kinship/admin/medusa";
import { defineRouteConfig } from "@medusajs/admin-sdk";
import { WithRouterLinks } from "../../../components/router-link.tsx";

/** Loyalty → Referrals: the review queue of flagged referrals, approve or reject with a note. */
const Referrals = () => (
  <WithRouterLinks>
    <ReferralsPage />
  </WithRouterLinks>
);

export const config = defineRouteConfig({ label: "Referrals", rank: 3 });

export default Referrals;
