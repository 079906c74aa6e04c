// The engine's pure core (the same defaultProgramConfig and ProgramConfigInput as @kinship/engine), so a bench or
// the Medusa e2e suite that takes a fixture does not load the store and its drivers.
import { defaultProgramConfig, type ProgramConfigInput } from "@kinship/engine/core";

/**
 * Program configs for tests and benches: the default program (Member 0 / Silver 500 / Gold 2000,
 * 1 point and 1 growth per currency unit) plus the member prices, rewards and partners a test names.
 *
 *   programConfig({ benefits: [benefits.silverTenPercent], rewards: [rewards.fiveOff] })
 *
 * The pieces are shared: spread one to vary it (`{ ...partners.cafeMonthly, minTier: "silver" }`),
 * never mutate it. programConfig hands back a copy, so a test may change what it gets.
 */

export type BenefitInput = NonNullable<ProgramConfigInput["benefits"]>[number];
export type RewardInput = NonNullable<ProgramConfigInput["rewards"]>[number];
export type PartnerInput = NonNullable<ProgramConfigInput["partners"]>[number];

/** The default program in `currency` (USD unless given), with every other field as given. */
export function programConfig(overrides: Partial<ProgramConfigInput> = {}): ProgramConfigInput {
  const { currency = "USD", ...rest } = overrides;
  return structuredClone({ ...defaultProgramConfig(currency), ...rest });
}

/** Member prices. */
export const benefits = {
  /** Every member saves 5% on everything. */
  membersFivePercent: {
    id: "members-5",
    name: "Members save 5%",
    kind: "memberPrice",
    minTier: "member",
    scope: { all: true },
    discount: { percentOff: 5 },
  },
  /** Members pay 3.00 less for the product "tee". */
  memberTeesThreeOff: {
    id: "member-tees",
    name: "Members: 3.00 off tees",
    kind: "memberPrice",
    minTier: "member",
    scope: { productIds: ["tee"] },
    discount: { amountOff: 300 },
  },
  /** Silver and up save 10% on everything. */
  silverTenPercent: {
    id: "silver-10",
    name: "Silver: 10% off",
    kind: "memberPrice",
    minTier: "silver",
    scope: { all: true },
    discount: { percentOff: 10 },
  },
  /** Silver and up save 20% on everything. */
  silverTwentyPercent: {
    id: "silver-20",
    name: "Silver: 20% off",
    kind: "memberPrice",
    minTier: "silver",
    scope: { all: true },
    discount: { percentOff: 20 },
  },
  /** Gold saves 10% on everything. */
  goldTenPercent: {
    id: "gold-10",
    name: "Gold 10%",
    kind: "memberPrice",
    minTier: "gold",
    scope: { all: true },
    discount: { percentOff: 10 },
  },
  /** Gold saves 15% on the "sale" collection. */
  goldSaleFifteenPercent: {
    id: "gold-sale",
    name: "Gold: 15% off the sale collection",
    kind: "memberPrice",
    minTier: "gold",
    scope: { collectionIds: ["sale"] },
    discount: { percentOff: 15 },
  },
  /** Gold saves 25% on the "sale" collection. */
  goldSaleTwentyFivePercent: {
    id: "gold-sale",
    name: "Gold: 25% off the sale",
    kind: "memberPrice",
    minTier: "gold",
    scope: { collectionIds: ["sale"] },
    discount: { percentOff: 25 },
  },
} satisfies Record<string, BenefitInput>;

/** Rewards points buy. */
export const rewards = {
  /** 5.00 off for 500 points. */
  fiveOff: { id: "five-off", name: "5.00 off", cost: 500, kind: "amountOff", value: 500 },
  /** 5.00 off for 100 points (the redemption suites: a member with a few hundred points redeems it more than once). */
  fiveOffFor100Points: { id: "five-off", name: "$5 off", cost: 100, kind: "amountOff", value: 500 },
  /** 10% off for 2,000 points. */
  tenPercent: { id: "ten-percent", name: "10% off", cost: 2000, kind: "percentOff", value: 10 },
  /** Free shipping for 50 points, for anyone. */
  freeShippingFor50Points: { id: "ship", name: "Free shipping", cost: 50, kind: "freeShipping", value: 0 },
  /** Free shipping for 100 points, Gold only. */
  goldShipping: { id: "gold-shipping", name: "Free shipping for Gold", cost: 100, kind: "freeShipping", value: 0, minTier: "gold" },
  /** A disabled reward (1 point, 1.00 off): listed in the config, never offered. */
  retired: { id: "retired", name: "Retired", cost: 1, kind: "amountOff", value: 100, enabled: false },
  /** 1.00 off for 10 points, for a platform that refuses to issue it. */
  doomed: { id: "doomed", name: "A reward the store refuses", cost: 10, kind: "amountOff", value: 100 },
} satisfies Record<string, RewardInput>;

/** Co-branded partners. */
export const partners = {
  /** Gold members get a free coffee (one per member, ever); the merchant pays the café 1.50 a code. */
  cafe: { key: "cafe", name: "Corner Café", perk: "A free coffee", minTier: "gold", settlementPrice: 150 },
  /** The café, one coffee a month. */
  cafeMonthly: {
    key: "cafe",
    name: "Corner Café",
    perk: "A free coffee",
    minTier: "gold",
    claimLimit: { count: 1, period: "month" },
    settlementPrice: 150,
  },
  /** Anyone gets one cinema ticket, ever; the merchant pays 7.00 a code. */
  cinema: { key: "cinema", name: "Lux Cinema", perk: "One ticket", settlementPrice: 700 },
} satisfies Record<string, PartnerInput>;
