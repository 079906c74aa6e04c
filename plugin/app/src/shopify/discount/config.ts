import { createHash } from "node:crypto";
import type { PricingConfig } from "@kinship/engine/pricing";
import type { FunctionConfig } from "../../../extensions/member-prices/src/config.ts";
import { SLOTS } from "../../../extensions/member-prices/src/input.ts";
import { gidOf } from "../catalog/gid.ts";

/** Shopify returns no metafield over 10,000 bytes to a function: a config that large reaches it as missing. */
export const METAFIELD_LIMIT = 10_000;

export interface DiscountConfig {
  /** The discount's $app.config metafield: what the function prices with. */
  config: FunctionConfig;
  /** The discount's $app.collections metafield: the input query's variables c0…c4. */
  variables: Record<string, string[]>;
  /** Why checkout cannot match the product page for every member price, or null when it can. */
  problem: string | null;
  /** Changes when either metafield would. */
  hash: string;
}

/** The member-price part of a program, in the shape the Discount Function reads. */
export function discountConfigOf(program: PricingConfig): DiscountConfig {
  const named = [...new Set(program.benefits.flatMap((b) => ("collectionIds" in b.scope ? b.scope.collectionIds : [])))];
  const collections = named.slice(0, SLOTS.length);
  const config: FunctionConfig = {
    v: 1,
    currency: program.currency,
    tiers: program.tiers.map((t) => ({ key: t.key, name: t.name })),
    benefits: program.benefits.map((b) => ({ id: b.id, minTier: b.minTier, scope: b.scope, discount: b.discount })),
    collections,
    // The program's own rates price the other currencies; Shopify's presentment rate only the ones it does not list.
    ...(program.currencies && Object.keys(program.currencies).length > 0
      ? {
          currencies: Object.fromEntries(
            Object.entries(program.currencies).map(([c, r]) => [c, { rate: r.rate, memberPrices: r.memberPrices }]),
          ),
        }
      : {}),
  };
  const variables = Object.fromEntries(SLOTS.map((slot, i) => [slot, collections[i] ? [gidOf("Collection", collections[i])] : []]));
  const json = JSON.stringify(config);
  const problem =
    named.length > SLOTS.length
      ? `Member-price benefits name ${named.length} collections; checkout can price members in ${SLOTS.length} at most, so benefits on the others apply on the product page only.`
      : Buffer.byteLength(json) > METAFIELD_LIMIT
        ? `The member-price benefits are too large for checkout (${Buffer.byteLength(json)} bytes; Shopify passes at most ${METAFIELD_LIMIT} to the discount): checkout charges base prices until they are fewer.`
        : null;
  const hash = createHash("sha256").update(json).update(JSON.stringify(variables)).digest("hex");
  return { config, variables, problem, hash };
}
