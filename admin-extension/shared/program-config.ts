/**
 * The program config as the settings screens edit it: the shape the engine validates
 * (plugin/engine/src/core/config/schema.ts), kept here as plain types so the browser bundle never
 * imports the engine. Money is integer minor units of `currency`; points and growth are integers.
 * Fields the screens do not edit are carried along untouched (`[key: string]: unknown`).
 */

export type Amount = { perUnit: number } | { fixed: number } | { multiplier: number };
export type AmountKind = "perUnit" | "fixed" | "multiplier";

export type Period = "day" | "week" | "month" | "year" | "lifetime";

export interface Schedule {
  from?: string;
  to?: string;
  /** 1 = Monday … 7 = Sunday. */
  daysOfWeek?: number[];
  daysOfMonth?: number[];
  timezone?: string;
}

export interface EarnRule {
  id: string;
  name: string;
  /** "order.paid", "customer.created" or "custom:<name>". */
  trigger: string;
  /** JsonLogic over `{ event, member }`. */
  condition?: Record<string, unknown>;
  lines?: { productIds?: string[]; variantIds?: string[]; collectionIds?: string[] };
  reward: { points?: Amount; growth?: Amount };
  tierMultipliers?: Record<string, number>;
  cap?: { points?: number; growth?: number; period: Period };
  schedule?: Schedule;
  priority?: number;
  stacking?: "stack" | "exclusive";
  enabled?: boolean;
  [key: string]: unknown;
}

export interface TierBadge {
  label: string;
  color: string;
  icon?: string;
}

export interface Tier {
  key: string;
  name: string;
  /** Growth needed over the qualification window. */
  threshold: number;
  badge?: TierBadge;
  [key: string]: unknown;
}

export type BenefitScope = { all: true } | { productIds: string[] } | { variantIds: string[] } | { collectionIds: string[] };
export type BenefitScopeKind = "all" | "productIds" | "variantIds" | "collectionIds";

/** percentOff is a percentage; amountOff and fixedPrice are minor units. */
export type BenefitDiscount = { percentOff: number } | { amountOff: number } | { fixedPrice: number };
export type BenefitDiscountKind = "percentOff" | "amountOff" | "fixedPrice";

/** A member price: tiers from `minTier` up pay less for the products in scope. */
export interface MemberPriceBenefit {
  id: string;
  name: string;
  kind: "memberPrice";
  minTier: string;
  scope: BenefitScope;
  discount: BenefitDiscount;
  costEstimate?: number;
  [key: string]: unknown;
}

export type RewardKind = "amountOff" | "percentOff" | "freeShipping";

export interface Reward {
  id: string;
  name: string;
  /** Points. */
  cost: number;
  kind: RewardKind;
  /** Minor units for amountOff, a percentage for percentOff, 0 for freeShipping. */
  value: number;
  minTier?: string;
  enabled?: boolean;
  [key: string]: unknown;
}

export interface ClaimLimit {
  /** 1 to 1000 claims per member per period. */
  count: number;
  period: Period;
}

/**
 * A co-branded partner: members from `minTier` up claim one of its perk codes (a pool the merchant
 * imports), at most `claimLimit` per member; the merchant pays `settlementPrice` per claimed code.
 */
export interface Partner {
  /** Lowercase letters, digits, _ and -; the code pool and the storefront refer to the partner by it. */
  key: string;
  name: string;
  /** What the member gets, as shoppers read it. */
  perk: string;
  minTier?: string;
  /** The engine's default: once per member, ever. */
  claimLimit?: ClaimLimit;
  /** Minor units per claimed code; 0 when left out. */
  settlementPrice?: number;
  enabled?: boolean;
  [key: string]: unknown;
}

/**
 * A paid membership plan, bought as a product: a paying member holds at least `tier` and has
 * `benefits` (member-price ids) whatever their tier. `price` is minor units per `period`.
 */
export interface Plan {
  key: string;
  name: string;
  price: number;
  period: "month" | "year";
  tier?: string;
  benefits?: string[];
  freeShipping?: boolean;
  /** 0 to 365. */
  graceDays?: number;
  onRefund?: "immediately" | "periodEnd";
  /** 0 to 60 days before the period ends. */
  reminderDays?: number;
  /** At least one id in all three lists. */
  products: { productIds?: string[]; variantIds?: string[]; sellingPlanIds?: string[] };
  enabled?: boolean;
  [key: string]: unknown;
}

/** The referral program: the referee's welcome code and what the referrer earns, with a cap per referrer. */
export interface ReferralsConfig {
  enabled?: boolean;
  /** Minor units for amountOff, a percentage for percentOff, 0 for freeShipping. */
  refereeReward?: { kind: RewardKind; value: number; minimumOrder?: number };
  referrerReward?: { points: number; growth?: number };
  cap?: { count: number; period: Period };
  /** How far back the referrer's sessions are compared (1 to 365). */
  sessionDays?: number;
  [key: string]: unknown;
}

export interface CampaignBonus {
  points: number;
  growth?: number;
}

export interface CampaignsConfig {
  birthday?: CampaignBonus;
  anniversary?: CampaignBonus;
  nthOrder?: ({ id: string; name: string; every: number } & CampaignBonus)[];
  stampCards?: {
    id: string;
    name: string;
    stamps: number;
    minSubtotal?: number;
    productIds?: string[];
    reward: { points: number } | { rewardId: string };
  }[];
  badges?: {
    key: string;
    name: string;
    description?: string;
    icon?: string;
    color?: string;
    when: { orders: number } | { spent: number } | { event: string; count?: number };
  }[];
  expiringNotice?: { days: number };
  [key: string]: unknown;
}

/** Other currencies orders earn in: `rate` is an exact decimal string (program-currency units per unit). */
export type CurrenciesConfig = Record<string, { rate: string; memberPrices?: boolean }>;

export interface ProgramConfig {
  name?: string;
  currency: string;
  timezone?: string;
  tiers: Tier[];
  rules: EarnRule[];
  benefits?: MemberPriceBenefit[];
  rewards?: Reward[];
  partners?: Partner[];
  plans?: Plan[];
  referrals?: ReferralsConfig;
  campaigns?: CampaignsConfig;
  currencies?: CurrenciesConfig;
  [key: string]: unknown;
}
