import type {
  BirthdaySet,
  CampaignsData,
  Member,
  MemberPrice,
  MembershipData,
  Perk,
  PerkCode,
  Redemption,
  ReferralData,
  Reward,
} from "../../src/core/types.ts";

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
  membership?: MembershipData;
  campaigns?: CampaignsData;
  referral?: ReferralData;
  setBirthday?: (date: string) => BirthdaySet;
  recordSession?: (deviceId: string) => boolean;
}

/** A fetch that answers the widgets' operations by name and records every call. */
export function fakeApi({
  me = gold,
  rewards = [],
  redeem,
  perks = [],
  claimPerk,
  down = false,
  membership,
  campaigns,
  referral,
  setBirthday,
  recordSession,
}: FakeApiOptions = {}): FakeApi {
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
    // The engine's placeholders answer NOT_IMPLEMENTED until a fixture is given.
    const given = <T>(value: T | undefined): T => {
      if (value === undefined) throw new ApiError("NOT_IMPLEMENTED");
      return value;
    };
    if (operation === "KinshipMembership") return given(membership);
    if (operation === "KinshipCampaigns") return given(campaigns);
    if (operation === "KinshipReferral") return given(referral);
    if (operation === "KinshipSetBirthday") return { setBirthday: given(setBirthday)(variables.date as string) };
    if (operation === "KinshipRecordSession") return { recordSession: given(recordSession)(variables.d as string) };
    return undefined;
  };
  return { fetch: fetchImpl as typeof fetch, calls, of: (op) => calls.filter((c) => c.operation === op) };
}

/** A paying member this period: $412.00 saved on a $99.00 yearly plan. */
export const paying: MembershipData = {
  me: {
    customerId: "42",
    tier: { key: "gold", name: "Gold" },
    tierSource: "PAID",
    membership: {
      status: "ACTIVE",
      currentPeriodEnd: "2027-03-01T00:00:00.000Z",
      benefitsUntil: "2027-03-08T00:00:00.000Z",
      plan: { key: "plus", name: "Plus", price: 9900, currency: "USD", period: "YEAR" },
      value: {
        currency: "USD",
        fee: 9900,
        memberPrices: 30000,
        freeShipping: 4200,
        rewards: 5000,
        perks: 2000,
        total: 41200,
        exceedsFee: true,
      },
    },
  },
  program: {
    currency: "USD",
    plans: [{ key: "plus", name: "Plus", price: 9900, currency: "USD", period: "YEAR", tier: "gold", freeShipping: true }],
  },
};

/** The same program seen by a member who never bought a plan (`me` null: a guest). */
export function notPaying(
  me: MembershipData["me"] = { customerId: "42", tier: { key: "silver", name: "Silver" }, tierSource: "EARNED", membership: null },
): MembershipData {
  return { me, program: paying.program };
}

export const campaigns: CampaignsData = {
  me: {
    customerId: "42",
    birthday: null,
    badges: [
      {
        key: "ten-orders",
        name: "10 orders",
        description: "Ten orders placed",
        icon: "🏅",
        color: "#1d4ed8",
        earnedAt: "2026-06-02T10:00:00Z",
      },
      { key: "first-review", name: "First review", description: null, icon: null, color: null, earnedAt: "2026-03-01T10:00:00Z" },
    ],
    stampCards: [{ id: "coffee", name: "Coffee card", stamps: 5, collected: 3, completed: 2 }],
  },
};

export const referral: ReferralData = {
  me: {
    customerId: "42",
    referrals: { code: "GOLD42", link: "https://shop.example/?ref=GOLD42", pending: 1, paid: 2, pointsEarned: 1000 },
  },
  program: { currency: "USD", referral: { refereeRewardKind: "AMOUNT_OFF", refereeRewardValue: 1000, referrerPoints: 500 } },
};
