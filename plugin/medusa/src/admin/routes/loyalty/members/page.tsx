import { MembersPage } from "@kinship/admin/medusa";
import { defineRouteConfig } from "@medusajs/admin-sdk";
import { WithRouterLinks } from "../../../components/router-link.tsx";

/** Loyalty → Members: search, tier filter, sort, and a link to each member's page. */
const Members = () => (
  <WithRouterLinks>
    <MembersPage />
  </WithRouterLinks>
);

export const config = defineRouteConfig({ label: "Members", rank: 1 });

export default Members;
