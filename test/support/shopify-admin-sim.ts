import { GraphQLError } from "graphql";
import { HttpResponse } from "msw";
import { graphql } from "msw/graphql";

/**
 * Shopify's Admin API for the sync back to Shopify, as msw handlers: customers with tags and
 * metafields, `metafieldsSet`, `metafieldsDelete` and `tagsAdd`/`tagsRemove` with Shopify's rules (at most 25
 * metafields per call, all or nothing; 10 points per mutation), and the leaky bucket of
 * `extensions.cost.throttleStatus`: a call the bucket cannot pay is answered THROTTLED (HTTP 200).
 */
export interface SimCustomer {
  tags: Set<string>;
  metafields: Map<string, { type: string; value: string }>;
}

export interface SimCall {
  operation: string;
  cost: number;
  throttled: boolean;
  metafields: number;
  /** Milliseconds on the simulation's clock. */
  at: number;
  /** What the bucket held when the call came. */
  availableBefore: number;
}

export interface SimOptions {
  maximumAvailable?: number;
  /** What the bucket holds at the start (default full). */
  initiallyAvailable?: number;
  restoreRate?: number;
  /** Milliseconds (default performance.now). */
  clock?: () => number;
  /** Customers Shopify knows; any other id is refused (deleted in Shopify). Default: every id. */
  knows?: (customerId: string) => boolean;
  /** Answers this call (its 0-based index) with a failure of our choosing instead (THROTTLED, HTTP 500). */
  fault?: (index: number, operation: string) => "throttled" | "error" | null;
}

const MUTATION_COST = 10;

export function simulatedShopifyAdmin(shop: string, apiVersion: string, options: SimOptions = {}) {
  const maximum = options.maximumAvailable ?? 2000;
  const rate = options.restoreRate ?? 100;
  const clock = options.clock ?? (() => performance.now());
  const knows = options.knows ?? (() => true);
  const customers = new Map<string, SimCustomer>();
  const calls: SimCall[] = [];
  let available = options.initiallyAvailable ?? maximum;
  let at = clock();

  const customer = (gid: string): SimCustomer | null => {
    const id = /^gid:\/\/shopify\/Customer\/(\d+)$/.exec(gid)?.[1];
    if (!id || !knows(id)) return null;
    const known = customers.get(id);
    if (known) return known;
    const c: SimCustomer = { tags: new Set(), metafields: new Map() };
    customers.set(id, c);
    return c;
  };
  const refill = () => {
    const now = clock();
    available = Math.min(maximum, available + ((now - at) / 1000) * rate);
    at = now;
  };
  const status = (requested: number) => ({
    requestedQueryCost: requested,
    throttleStatus: { maximumAvailable: maximum, currentlyAvailable: Math.floor(available), restoreRate: rate },
  });

  const handler = graphql.link(`https://${shop}/admin/api/${apiVersion}/graphql.json`).operation(({ operationName, variables }) => {
    refill();
    const operation = operationName ?? "";
    const tagging = /^Kinship\w*Tags$/.test(operation);
    const mutations = tagging ? Object.keys(variables).filter((k) => /^(add|remove)\d+$/.test(k)).length : 1;
    const cost = mutations * MUTATION_COST;
    const index = calls.length;
    const metafields = Array.isArray(variables.metafields) ? variables.metafields.length : 0;
    const fault = options.fault?.(index, operation) ?? null;
    const throttled = fault === "throttled" || available < cost;
    calls.push({ operation, cost, throttled, metafields, at: clock(), availableBefore: available });
    if (throttled)
      return HttpResponse.json({
        errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
        extensions: { cost: { ...status(cost), actualQueryCost: null } },
      });
    if (fault === "error") return HttpResponse.json({ errors: [{ message: "Internal error" }] }, { status: 500 });
    available -= cost;
    const extensions = { cost: { ...status(cost), actualQueryCost: cost } };

    if (operation === "KinshipMemberMetafields") {
      const list = variables.metafields as { ownerId: string; namespace: string; key: string; type: string; value: string }[];
      if (list.length > 25)
        return HttpResponse.json({
          errors: [new GraphQLError("The input array size of 26 is greater than the maximum allowed of 25.")],
          extensions,
        });
      const userErrors: { field: string[]; message: string; code: string }[] = [];
      list.forEach((m, i) => {
        if (!customer(m.ownerId))
          userErrors.push({ field: ["metafields", String(i), "ownerId"], message: "Owner does not exist", code: "INVALID" });
        else if (m.type === "number_integer" && !/^-?\d+$/.test(m.value))
          userErrors.push({ field: ["metafields", String(i), "value"], message: "Value must be an integer", code: "INVALID_VALUE" });
      });
      // All or nothing, as Shopify does.
      if (userErrors.length === 0)
        for (const m of list) customer(m.ownerId)?.metafields.set(`${m.namespace}.${m.key}`, { type: m.type, value: m.value });
      return HttpResponse.json({ data: { metafieldsSet: { metafields: userErrors.length ? null : [], userErrors } }, extensions });
    }

    if (operation === "KinshipMetafieldsDelete") {
      const list = variables.metafields as { ownerId: string; namespace: string; key: string }[];
      for (const m of list) customer(m.ownerId)?.metafields.delete(`${m.namespace}.${m.key}`);
      return HttpResponse.json({
        data: { metafieldsDelete: { deletedMetafields: list.map((m) => ({ key: m.key })), userErrors: [] } },
        extensions,
      });
    }

    if (tagging) {
      const data: Record<string, unknown> = {};
      for (const key of Object.keys(variables).filter((k) => /^(add|remove)\d+$/.test(k))) {
        const c = customer(String(variables[`id${key.replace(/^\D+/, "")}`]));
        if (!c) {
          data[key] = { userErrors: [{ field: ["id"], message: "Customer does not exist" }] };
          continue;
        }
        for (const tag of variables[key] as string[]) key.startsWith("add") ? c.tags.add(tag) : c.tags.delete(tag);
        data[key] = { userErrors: [] };
      }
      return HttpResponse.json({ data, extensions });
    }
    return HttpResponse.json({ errors: [{ message: `the simulation does not answer ${operation}` }] });
  });

  return {
    handler,
    customers,
    calls,
    /** What the bucket holds now. */
    available: () => {
      refill();
      return available;
    },
    maximum,
    rate,
  };
}
