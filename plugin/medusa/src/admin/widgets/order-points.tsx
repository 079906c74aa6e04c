import { OrderPointsWidget } from "@kinship/admin/medusa";
import { defineWidgetConfig } from "@medusajs/admin-sdk";
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types";

/** Points this order earned and what its refunds and cancellation took back. */
const OrderPoints = ({ data }: DetailWidgetProps<AdminOrder>) => <OrderPointsWidget orderId={data.id} />;

export const config = defineWidgetConfig({ zone: "order.details.side" });

export default OrderPoints;
