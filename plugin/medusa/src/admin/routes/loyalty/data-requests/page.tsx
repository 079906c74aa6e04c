import { DataRequestsPage } from "@kinship/admin/medusa";
import { defineRouteConfig } from "@medusajs/admin-sdk";
import { WithRouterLinks } from "../../../components/router-link.tsx";

/** Loyalty → Data requests: a customer's data exported, read and downloaded as JSON. */
const DataRequests = () => (
  <WithRouterLinks>
    <DataRequestsPage />
  </WithRouterLinks>
);

export const config = defineRouteConfig({ label: "Data requests", rank: 5 });

export default DataRequests;
