import type { MemberBalance } from "@kinship/engine";
import { KINSHIP_TAG_PREFIX } from "@kinship/webhooks";
import { customerGid, METAFIELDS_PER_CALL, TAGGED_PER_CALL } from "./operations.ts";

/**
 * App-owned metafields (`$app`), declared in shopify.app.toml with storefront and customer
 * account read access: themes, the checkout function and customer accounts read them.
 */
export const METAFIELD_NAMESPACE = "$app";
export const TIER_KEY = "tier";
export const POINTS_KEY = "points";

/** The customer tag of a tier, for merchants' segments and Flow: `kinship-gold`. */
export function tierTag(tierKey: string): string {
  return `${KINSHIP_TAG_PREFIX}${tierKey}`;
}

export interface MetafieldInput {
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
}

export interface MetafieldBatch {
  /** The customers whose metafields are in this call (a customer's two may straddle two calls). */
  customerIds: string[];
  metafields: MetafieldInput[];
}

export interface TagChange {
  customerId: string;
  add: string[];
  remove: string[];
}

/** Each member's tier and available points as metafields, at most 25 per call. */
export function metafieldBatches(members: readonly MemberBalance[]): MetafieldBatch[] {
  const all = members.flatMap((m) => [
    { customerId: m.customerId, input: field(m.customerId, TIER_KEY, "single_line_text_field", m.tierKey) },
    { customerId: m.customerId, input: field(m.customerId, POINTS_KEY, "number_integer", String(m.available)) },
  ]);
  const batches: MetafieldBatch[] = [];
  for (let i = 0; i < all.length; i += METAFIELDS_PER_CALL) {
    const slice = all.slice(i, i + METAFIELDS_PER_CALL);
    batches.push({ customerIds: [...new Set(slice.map((s) => s.customerId))], metafields: slice.map((s) => s.input) });
  }
  return batches;
}

/** The tier tag of each member's current tier added, every other tier's removed. */
export function tagChanges(members: readonly MemberBalance[], tierKeys: readonly string[]): TagChange[][] {
  const changes = members.map((m) => ({
    customerId: m.customerId,
    add: [tierTag(m.tierKey)],
    remove: tierKeys.filter((k) => k !== m.tierKey).map(tierTag),
  }));
  const calls: TagChange[][] = [];
  for (let i = 0; i < changes.length; i += TAGGED_PER_CALL) calls.push(changes.slice(i, i + TAGGED_PER_CALL));
  return calls;
}

function field(customerId: string, key: string, type: string, value: string): MetafieldInput {
  return { ownerId: customerGid(customerId), namespace: METAFIELD_NAMESPACE, key, type, value };
}
