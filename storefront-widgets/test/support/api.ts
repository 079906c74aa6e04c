import type { Member, MemberPrice, Perk, PerkCode, Redemption, Reward } from "../../src/core/types.ts";

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

/** A partner perk the member may claim, with `over` applied. */
export function perkOf(partner: string, name: string, over: Partial<Perk> = {}): Perk {
  return { partner, name, perk: "A free coffee", minTier: null, claimable: true, blockedBy: null, claimsLeft: 1, codes: [], ...over };
}

/** Thrown by a handler: answered as a GraphQL error with `extensions.code`, as the engine refuses. */
export class ApiError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(code);
    this.code = code;
  }
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
  redeem?: (rewardId: string, idempotencyKey: string) => Redemption;
  perks?: Perk[];
  claimPerk?: (partner: string, idempotencyKey: string) => PerkCode;
  /** Every call rejects like an unreachable server. */
  down?: boolean;
}

/** A fetch that answers the widgets' operations by name and records every call. */
export function fakeApi({ me = gold, rewards = [], redeem, perks = [], claimPerk, down = false }: FakeApiOptions = {}): FakeApi {
  const calls: Call[] = [];
  const fetchImpl = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body));
    const operation = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? "?";
    calls.push({ operation, variables: body.variables ?? {}, headers: new Headers(init?.headers) });
    if (down) throw new TypeError("Failed to fetch");
    let answer: unknown;
    try {
      answer = { data: answerOf(operation, body.variables ?? {}) };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      answer = { data: null, errors: [{ message: error.message, extensions: { code: error.code } }] };
    }
    return new Response(JSON.stringify(answer), { status: 200, headers: { "content-type": "application/json" } });
  };
  const answerOf = (operation: string, variables: Record<string, unknown>): unknown => {
    if (operation === "KinshipMe") return { me };
    if (operation === "KinshipPrices")
      return {
        memberPrices: (variables.ids as string[]).filter((id) => !id.startsWith("unknown")).map((id) => priceOf(id, me === null)),
      };
    if (operation === "KinshipRewards") return { rewards };
    if (operation === "KinshipRedeem") return { redeem: redeem?.(variables.id as string, variables.key as string) };
    if (operation === "KinshipPerks") return { me, perks };
    if (operation === "KinshipClaimPerk") return { claimPerk: claimPerk?.(variables.partner as string, variables.key as string) };
    return undefined;
  };
  return { fetch: fetchImpl as typeof fetch, calls, of: (op) => calls.filter((c) => c.operation === op) };
}
