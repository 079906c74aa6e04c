/** @jsxImportSource preact */
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { OrderBlock } from "./components/OrderBlock.tsx";
import { hostClient, selectedId } from "./host.ts";

/** Target admin.order-details.block.render. */
export default async () => {
  render(<OrderBlock client={hostClient()} orderId={selectedId("Order")} />, document.body);
};
