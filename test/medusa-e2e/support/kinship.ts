import { call } from "./http.ts";
import type { Shopper } from "./shopper.ts";
import type { TestStore } from "./store.ts";

// biome-ignore lint/suspicious/noExplicitAny: GraphQL answers are read by the assertions that check them.
type Json = Record<string, any>;

/** The storefront GraphQL surface as a shopper (or a guest) calls it through Medusa's Store API. */
export function storefront(store: TestStore, shopper: Shopper | null) {
  return async (query: string, variables?: Json): Promise<Json> =>
    call(store.url, "/store/kinship/graphql", {
      token: shopper?.token ?? null,
      publishableKey: store.seed.publishableKey,
      body: { query, variables },
    });
}

/** The admin GraphQL surface as the store owner calls it from Medusa's admin. */
export function adminApi(store: TestStore) {
  return async (query: string, variables?: Json): Promise<Json> =>
    call(store.url, "/admin/kinship/graphql", { token: store.adminToken, body: { query, variables } });
}

/** Polls until `check` returns a value (not undefined) or fails with the last value it saw. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message ?? last}` : ""}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits until the store's log says Kinship took the event with this key, and returns the outcome. */
export function outcomeOf(store: TestStore, key: string, nth = 1): Promise<string> {
  return eventually(`Kinship to take ${key} (${nth})`, async () => {
    const outcomes = [...store.log().matchAll(new RegExp(`kinship: ${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: (\\w+)`, "g"))].map(
      (m) => m[1] as string,
    );
    return outcomes.length >= nth ? outcomes[nth - 1] : undefined;
  });
}
