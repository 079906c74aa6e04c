import type { Engine } from "@kinship/engine";
import { HttpResponse } from "msw";
import { graphql } from "msw/graphql";
import type { SetupServer } from "msw/node";
import { paidOrder } from "./api-support.ts";
import { newShop } from "./support.ts";

export const REWARDS = [
  { id: "five-off", name: "$5 off", cost: 500, kind: "amountOff", value: 500 },
  { id: "gold-ten", name: "10% off", cost: 100_000, kind: "percentOff", value: 10 },
];
export const PARTNER = { key: "corner-cafe", name: "Corner Café", perk: "A free coffee every month", settlementPrice: 150 };

/**
 * A connected shop whose program has rewards and a partner perk with codes, a member who paid
 * `spent` cents, and Shopify's discountCodeBasicCreate answered by msw (each call recorded).
 */
export async function loyaltyShop(engine: Engine, mock: SetupServer, customerId: string, spent = 90_000) {
  const shop = await newShop(engine, "accounts");
  const now = new Date();
  const program = await engine.program(shop);
  if (!program.ok) throw new Error(program.error.message);
  const config = { ...program.value.config, rewards: REWARDS, partners: [PARTNER] };
  const updated = await engine.updateConfig(shop, config, "test", now);
  if (!updated.ok) throw new Error(updated.error.message);
  const codes = ["CAFE-0001", "CAFE-0002", "CAFE-0003"];
  const imported = await engine.partners.importCodes({ program: shop, partner: PARTNER.key, codes, actor: "test", now });
  if (!imported.ok) throw new Error(imported.error.message);
  const paid = await engine.apply(shop, paidOrder(`o-${customerId}`, customerId, spent), now);
  if (!paid.ok) throw new Error(paid.error.message);
  const discounts: Record<string, unknown>[] = [];
  mock.use(
    graphql.link(`https://${shop}/admin/api/2026-10/graphql.json`).mutation("KinshipRewardCode", ({ variables }) => {
      discounts.push(variables);
      return HttpResponse.json({
        data: {
          discountCodeBasicCreate: { codeDiscountNode: { id: `gid://shopify/DiscountCodeNode/${discounts.length}` }, userErrors: [] },
        },
      });
    }),
  );
  return { shop, discounts };
}
