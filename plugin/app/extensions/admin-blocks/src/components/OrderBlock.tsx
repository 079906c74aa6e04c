/** @jsxImportSource preact */
import { points } from "../../../customer-account/src/data/text.ts";
import type { AdminBlocksClient } from "../data/client.ts";
import type { OrderPoints } from "../data/types.ts";
import { useLoad } from "./load.ts";

const HEADING = "Kinship loyalty";

/** On the admin's order page: the points the order earned, what its refunds and cancellation took back, the net and its growth. */
export function OrderBlock({ client, orderId }: { client: AdminBlocksClient; orderId: string }) {
  const load = useLoad<OrderPoints | null>(() => client.order(orderId), orderId);
  if (load.status === "loading")
    return (
      <s-admin-block heading={HEADING}>
        <s-spinner accessibilityLabel="Loading the order's loyalty points" />
      </s-admin-block>
    );
  if (load.status === "failed")
    return (
      <s-admin-block heading={HEADING}>
        <s-banner tone="critical" heading="Loyalty could not be loaded">
          {load.message}
        </s-banner>
      </s-admin-block>
    );
  const order = load.value;
  if (!order || (order.earned === 0 && order.reversed === 0))
    return (
      <s-admin-block heading={HEADING} collapsedSummary="No points">
        <s-paragraph>This order earned no loyalty points.</s-paragraph>
      </s-admin-block>
    );
  const net = order.earned - order.reversed;
  return (
    <s-admin-block heading={HEADING} collapsedSummary={`${points(net)} net`}>
      <s-stack gap="small-200">
        <s-text>{`Earned: ${points(order.earned)}`}</s-text>
        <s-text>{`Reversed (refunds and cancellation): ${points(order.reversed)}`}</s-text>
        <s-text type="strong">{`Net: ${points(net)}`}</s-text>
        <s-text color="subdued">{`Growth: ${order.growth.toLocaleString("en-US")}`}</s-text>
      </s-stack>
    </s-admin-block>
  );
}
