/** @jsxImportSource preact */
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { CustomerBlock } from "./components/CustomerBlock.tsx";
import { hostClient, selectedId } from "./host.ts";

/** Target admin.customer-details.block.render. */
export default async () => {
  render(<CustomerBlock client={hostClient()} customerId={selectedId("Customer")} />, document.body);
};
