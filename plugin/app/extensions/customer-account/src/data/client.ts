import { CLAIM_PERK, LOYALTY, MEMBER, REDEEM } from "./queries.ts";
import type { Loyalty, Member, PerkCode, Redemption } from "./types.ts";

/** What the extension's host gives: Shopify's session token API and a fetch. */
export interface Host {
  sessionToken: { get(): Promise<string> };
  fetch: typeof fetch;
}

/**
 * A failed call. `retryable`: the request may or may not have reached the server (network error,
 * 5xx) or the server asked to ask again (RedemptionInProgress); retry with the same idempotency key.
 */
export class LoyaltyError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  constructor(message: string, code: string, retryable: boolean) {
    super(message);
    this.name = "LoyaltyError";
    this.code = code;
    this.retryable = retryable;
  }
}

/** Codes a resend with the same key may settle (the first request is still running, or a server fault). */
const RETRYABLE_CODES = new Set(["RedemptionInProgress", "INTERNAL_SERVER_ERROR"]);

export interface LoyaltyClient {
  loyalty(): Promise<Loyalty>;
  member(): Promise<Member | null>;
  redeem(rewardId: string, idempotencyKey: string): Promise<Redemption>;
  claimPerk(partner: string, idempotencyKey: string): Promise<PerkCode>;
}

/** The storefront GraphQL at `endpoint` (the app's /customer-account/graphql), as the signed-in customer. */
export function loyaltyClient(endpoint: string, host: Host): LoyaltyClient {
  const call = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const token = await host.sessionToken.get();
    let res: Response;
    try {
      res = await host.fetch(endpoint, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
    } catch (e) {
      throw new LoyaltyError(e instanceof Error ? e.message : "network error", "NETWORK", true);
    }
    const body = (await res.json().catch(() => null)) as {
      data?: T | null;
      errors?: { message: string; extensions?: { code?: string } }[];
    } | null;
    const error = body?.errors?.[0];
    if (error) {
      const code = error.extensions?.code ?? `HTTP_${res.status}`;
      throw new LoyaltyError(error.message, code, res.status >= 500 || RETRYABLE_CODES.has(code));
    }
    if (!res.ok || !body?.data)
      throw new LoyaltyError(`the loyalty server answered ${res.status}`, `HTTP_${res.status}`, res.status >= 500);
    return body.data;
  };
  return {
    async loyalty() {
      const data = await call<{ me: Member | null; rewards: Loyalty["rewards"]; perks: Loyalty["perks"] }>(LOYALTY);
      return { member: data.me, rewards: data.rewards, perks: data.perks };
    },
    async member() {
      return (await call<{ me: Member | null }>(MEMBER)).me;
    },
    async redeem(rewardId, key) {
      return (await call<{ redeem: Redemption }>(REDEEM, { rewardId, key })).redeem;
    },
    async claimPerk(partner, key) {
      return (await call<{ claimPerk: PerkCode }>(CLAIM_PERK, { partner, key })).claimPerk;
    },
  };
}
