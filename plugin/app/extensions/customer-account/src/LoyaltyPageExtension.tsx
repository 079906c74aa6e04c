/** @jsxImportSource preact */
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { LoyaltyPage } from "./components/LoyaltyPage.tsx";
import { hostClient } from "./host.ts";

/** Target customer-account.page.render. */
export default async () => {
  render(<LoyaltyPage client={hostClient()} />, document.body);
};
