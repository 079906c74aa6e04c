import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { syncMemberPricesSoon } from "../lib/sync/price-sync-soon";

/** New products, new variants and changed prices get their member prices. */
export default async function kinshipCatalogChanged({ container }: SubscriberArgs<unknown>) {
  syncMemberPricesSoon(container);
}

export const config: SubscriberConfig = {
  event: [
    "product.created",
    "product.updated",
    "product.deleted",
    "product-variant.created",
    "product-variant.updated",
    "product-variant.deleted",
  ],
  context: { subscriberId: "kinship-catalog-changed" },
};
