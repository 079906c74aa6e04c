import { CustomerLoyaltyWidget } from "@kinship/admin/medusa";
import { defineWidgetConfig } from "@medusajs/admin-sdk";
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types";
import { WithRouterLinks } from "../components/router-link.tsx";

/** Tier, points, growth and the ledger on the customer page, with manual adjustments (reason required). */
const CustomerLoyalty = ({ data }: DetailWidgetProps<AdminCustomer>) => (
  <WithRouterLinks>
    <CustomerLoyaltyWidget customerId={data.id} />
  </WithRouterLinks>
);

export const config = defineWidgetConfig({ zone: "customer.details" });

export default CustomerLoyalty;
