import type { Member, MemberPrice, Redemption, Reward } from "../../src/core/types.ts";

export const gold: Member = {
  customerId: "42",
  tier: { key: "gold", name: "Gold", threshold: 1000, badge: { label: "Gold", color: "#d4af37", icon: "★" } },
  points: { available: 1974, pending: 120, expiringSoon: [] },
  growth: 1680,
  nextTier: { key: "platinum", name: "Platinum", remaining: 320 },
};

/** 20.00 → 18.00 for members; guests get a teaser. */
export function priceOf(variantId: string, guest: boolean): MemberPrice {
  return {
    variantId,
    currency: "USD",
    basePrice: 2000,
    memberPrice: guest ? null : 1800,
    benefit: guest ? null : "gold-10",
    teaser: guest ? { tier: "gold", tierName: "Gold", memberPrice: 1800 } : null,
  };
}

export interface Call {
  operation: string;
  variables: Record<string, unknown>;
  headers: Headers;
}

export interface FakeApi {
  fetch: typeof fetch;
  calls: Call[];
  of(operation: string): Call[];
}

export interface FakeApiOptions {
  me?: Member | null;
  rewards?: Reward[];
  redeem?: (rewardId: string) => Redemption;
  /** Every call rejects like an unreachable server. */
  down?: boolean;
}

/** A fetch that answers the widgets' operations by name and records every call. */
export function fakeApi({ me = gold, rewards = [], redeem, down = false }: FakeApiOptions = {}): FakeApi {
  const calls: Call[] = [];
  const fetchImpl = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body));
    const operation = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? "?";
    calls.push({ operation, variables: body.variables ?? {}, headers: new Headers(init?.headers) });
    if (down) throw new TypeError("Failed to fetch");
    let data: unknown;
    if (operation === "KinshipMe") data = { me };
    else if (operation === "KinshipPrices")
      data = {
        memberPrices: (body.variables.ids as string[]).filter((id) => !id.startsWith("unknown")).map((id) => priceOf(id, me === null)),
      };
    else if (operation === "KinshipRewards") data = { rewards };
    else if (operation === "KinshipRedeem") data = { redeem: redeem?.(body.variables.id) };
    return new Response(JSON.stringify({ data }), { status: 200, headers: { "content-type": "application/json" } });
  };
  return { fetch: fetchImpl as typeof fetch, calls, of: (op) => calls.filter((c) => c.operation === op) };
}
