import { writeFileSync } from "node:fs";
import type { ExecArgs } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import {
  createApiKeysWorkflow,
  createCollectionsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows";

/**
 * The test store's catalog and checkout: a US region (USD) and a German one (EUR) paying with the
 * system provider, one stock location shipping flat 10.00 (9.00 EUR), a publishable key, and two
 * products (a 100.00 / 90.00 EUR tee in the "Essentials" collection and a 40.00 / 36.00 EUR cap).
 * Writes the ids the tests need to $KINSHIP_SEED_OUT.
 */
export default async function seed({ container }: ExecArgs) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const link = container.resolve(ContainerRegistrationKeys.LINK);
  const fulfillment = container.resolve(Modules.FULFILLMENT);

  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"] });
  const salesChannelId = channels[0]?.id;
  if (!salesChannelId) throw new Error("no default sales channel");

  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        { name: "United States", currency_code: "usd", countries: ["us"], payment_providers: ["pp_system_default"] },
        { name: "Germany", currency_code: "eur", countries: ["de"], payment_providers: ["pp_system_default"] },
      ],
    },
  });
  const [region, euRegion] = regions;
  if (!region || !euRegion) throw new Error("no region");

  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Main warehouse", address: { address_1: "1 Main St", city: "Springfield", country_code: "us" } }] },
  });
  const location = locations[0];
  if (!location) throw new Error("no stock location");
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  });
  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "US shipping",
    type: "shipping",
    service_zones: [
      {
        name: "US and Germany",
        geo_zones: [
          { country_code: "us", type: "country" },
          { country_code: "de", type: "country" },
        ],
      },
    ],
  });
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  });
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [salesChannelId] } });

  const { data: profiles } = await query.graph({ entity: "shipping_profile", fields: ["id", "type"] });
  let profileId = profiles.find((p) => p.type === "default")?.id;
  if (!profileId) {
    const { result } = await createShippingProfilesWorkflow(container).run({ input: { data: [{ name: "Default", type: "default" }] } });
    profileId = result[0]?.id;
  }
  if (!profileId) throw new Error("no shipping profile");
  const serviceZoneId = fulfillmentSet.service_zones[0]?.id;
  if (!serviceZoneId) throw new Error("no service zone");
  const { result: options } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: serviceZoneId,
        shipping_profile_id: profileId,
        type: { label: "Standard", description: "3-5 days", code: "standard" },
        prices: [
          { currency_code: "usd", amount: 10 },
          { region_id: region.id, amount: 10 },
          { currency_code: "eur", amount: 9 },
          { region_id: euRegion.id, amount: 9 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  });

  const { result: keys } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "" }] },
  });
  const key = keys[0];
  if (!key) throw new Error("no publishable key");
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } });

  const { result: collections } = await createCollectionsWorkflow(container).run({
    input: { collections: [{ title: "Essentials", handle: "essentials" }] },
  });
  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: [
        product("Kinship Tee", "kinship-tee", "TEE-M", [100, 90], profileId, salesChannelId, collections[0]?.id),
        product("Kinship Cap", "kinship-cap", "CAP-OS", [40, 36], profileId, salesChannelId),
      ],
    },
  });

  const out = {
    regionId: region.id,
    euRegionId: euRegion.id,
    salesChannelId,
    shippingOptionId: options[0]?.id,
    publishableKey: key.token,
    collectionId: collections[0]?.id,
    products: products.map((p) => ({ id: p.id, handle: p.handle, variantId: p.variants[0]?.id })),
  };
  const path = process.env.KINSHIP_SEED_OUT;
  if (path) writeFileSync(path, JSON.stringify(out, null, 2));
}

function product(
  title: string,
  handle: string,
  sku: string,
  [usd, eur]: [number, number],
  profileId: string,
  salesChannelId: string,
  collectionId?: string,
) {
  return {
    title,
    handle,
    status: "published" as const,
    shipping_profile_id: profileId,
    ...(collectionId ? { collection_id: collectionId } : {}),
    options: [{ title: "Size", values: ["One size"] }],
    variants: [
      {
        title: "One size",
        sku,
        options: { Size: "One size" },
        manage_inventory: false,
        prices: [
          { amount: usd, currency_code: "usd" },
          { amount: eur, currency_code: "eur" },
        ],
      },
    ],
    sales_channels: [{ id: salesChannelId }],
  };
}
