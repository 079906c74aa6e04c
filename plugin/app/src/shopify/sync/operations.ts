/** The Admin API operations of the sync back to Shopify (scopes: write_customers). */

/** What Shopify charges for each mutation field of a call, in points of the shop's bucket. */
export const MUTATION_COST = 10;

export const METAFIELDS_SET = /* GraphQL */ `
  mutation KinshipMemberMetafields($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { ownerType key }
      userErrors { field message code }
    }
  }
`;

export interface MetafieldsSetAnswer {
  metafieldsSet: { userErrors: { field: string[] | null; message: string; code: string | null }[] } | null;
}

/** Shopify takes at most this many metafields in one metafieldsSet. */
export const METAFIELDS_PER_CALL = 25;

/**
 * Tag changes of several customers in one call: each customer's tagsAdd and tagsRemove under
 * aliases `add<i>` / `remove<i>` (an empty list is left out: Shopify wants at least one tag).
 * `operation` names the call (its cost is remembered under it): the tier tags, the segment tags.
 */
export function tagsCall(
  operation: string,
  changes: readonly { customerId: string; add: readonly string[]; remove: readonly string[] }[],
): {
  query: string;
  variables: Record<string, unknown>;
  /** Mutation fields in the call (what it costs, at MUTATION_COST each). */
  mutations: number;
} {
  const vars: string[] = [];
  const fields: string[] = [];
  const variables: Record<string, unknown> = {};
  changes.forEach((c, i) => {
    vars.push(`$id${i}: ID!`);
    variables[`id${i}`] = customerGid(c.customerId);
    for (const [alias, mutation, tags] of [
      ["add", "tagsAdd", c.add],
      ["remove", "tagsRemove", c.remove],
    ] as const) {
      if (tags.length === 0) continue;
      vars.push(`$${alias}${i}: [String!]!`);
      variables[`${alias}${i}`] = tags;
      fields.push(`${alias}${i}: ${mutation}(id: $id${i}, tags: $${alias}${i}) { userErrors { field message } }`);
    }
  });
  return { query: `mutation ${operation}(${vars.join(", ")}) {\n  ${fields.join("\n  ")}\n}`, variables, mutations: fields.length };
}

export function tierTagsCall(changes: readonly { customerId: string; add: string[]; remove: string[] }[]) {
  return tagsCall("KinshipTierTags", changes);
}

export type TierTagsAnswer = Record<string, { userErrors: { field: string[] | null; message: string }[] } | null>;

export const METAFIELDS_DELETE = /* GraphQL */ `
  mutation KinshipMetafieldsDelete($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      deletedMetafields { key }
      userErrors { field message }
    }
  }
`;

export interface MetafieldsDeleteAnswer {
  metafieldsDelete: { userErrors: { field: string[] | null; message: string }[] } | null;
}

/** Customers whose tags one call changes. */
export const TAGGED_PER_CALL = 10;

export function customerGid(customerId: string): string {
  return `gid://shopify/Customer/${customerId}`;
}
