/** @jsxImportSource preact */
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { ProfileBlock } from "./components/ProfileBlock.tsx";
import { hostClient } from "./host.ts";

/** Target customer-account.profile.block.render. */
export default async () => {
  render(<ProfileBlock client={hostClient()} />, document.body);
};
