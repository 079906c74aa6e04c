// Moved to shared (the Shopify admin's screens take the same props); Medusa imports stay.
export type { TabProps } from "../../shared/tab-props.ts";
