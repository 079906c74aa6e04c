import { randomUUID } from "node:crypto";
import type { ExecutionResult, GraphQLSchema } from "graphql";
import type { Partner } from "../core/index.ts";
import { currencyExponent } from "../core/money.ts";
import { listedConversion, priceFor } from "../core/pricing/member-price.ts";
import type { Engine } from "../engine.ts";
import type { PerkClaim } from "../store/partners/partners.ts";
import { campaignsStorefrontResolvers } from "./campaigns.ts";
import { ApiError, badInput, unwrap } from "./errors.ts";
import { type GraphQLRequest, mergeResolvers, once, type Resolvers, run, schemaOf } from "./execute.ts";
import { membershipStorefrontResolvers } from "./membership.ts";
import { programNode } from "./program-view.ts";
import { referralsStorefrontResolvers, shopperReferralLink } from "./referrals.ts";
import { storefrontSdl } from "./sdl.ts";
import type { RedeemResult, Shopper, StorefrontContext } from "./shopper.ts";
import { memberNode } from "./views.ts";

export type { RedeemResult, Shopper, StorefrontContext };

export const MAX_VARIANTS = 250;

const REWARD_KIND = { amountOff: "AMOUNT_OFF", percentOff: "PERCENT_OFF", freeShipping: "FREE_SHIPPING" } as const;

/** Why a member cannot claim; disabled partners are never listed (memberPerks leaves them out), so that reason has no answer of its own. */
const PERK_BLOCK = { disabled: "TIER", tier: "TIER", limit: "LIMIT" } as const;

function perkNode(p: Partner, state: { claimable: boolean; blockedBy: string | null; claimsLeft: number; codes: readonly PerkClaim[] }) {
  return { partner: p.key, name: p.name, perk: p.perk, minTier: p.minTier ?? null, ...state };
}

function shopperOf(engine: Engine, ctx: StorefrontContext): Shopper {
  const program = once(async () => unwrap(await engine.program(ctx.program)));
  const member = once(async () => {
    if (ctx.customerId === null) return null;
    const found = await engine.members.of(await program(), ctx.customerId, ctx.now);
    if (!found.ok && found.error.code === "UnknownMember") return null;
    return unwrap(found);
  });
  return { engine, ctx, program, member };
}

/**
 * The client's idempotency key (1 to 100 characters) scoped by customer, so one shopper's key can
 * never name another's redemption or claim; null when the client sent none.
 */
function shopperKey(customerId: string, raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  if (raw.length < 1 || raw.length > 100) throw badInput("idempotencyKey must be 1 to 100 characters");
  return `${customerId}:${raw}`;
}

const pointsResolvers: Resolvers<Shopper> = {
  Query: {
    async me(_source, _args, s) {
      const [program, member] = await Promise.all([s.program(), s.member()]);
      if (!member) return null;
      return memberNode(member, program.config, () => s.engine.members.expiring(program.id, member.customerId, s.ctx.now));
    },

    async memberPrices(_source, args, s) {
      const ids = [...new Set(args.variantIds as string[])];
      if (ids.length > MAX_VARIANTS)
        throw badInput(`memberPrices takes at most ${MAX_VARIANTS} variant ids at a time, got ${ids.length}: split the grid`);
      const [program, member] = await Promise.all([s.program(), s.member()]);
      const found = new Map((await s.engine.catalog.byIds(program.id, ids)).map((v) => [v.variantId, v]));
      const tierKey = member?.tier.key ?? null;
      return ids.flatMap((id) => {
        const variant = found.get(id);
        if (!variant) return [];
        // A variant in one of the program's other currencies is priced in it, amounts converted at the program's rate.
        const conversion = listedConversion(program.config, variant.currency, currencyExponent);
        return [
          {
            variantId: id,
            currency: variant.currency,
            ...priceFor(program.config, tierKey, variant, conversion, member?.planBenefits ?? []),
          },
        ];
      });
    },

    async rewards(_source, _args, s) {
      const [program, member] = await Promise.all([s.program(), s.member()]);
      const { config } = program;
      const rank = (key: string) => config.tiers.findIndex((t) => t.key === key);
      return config.rewards
        .filter((r) => r.enabled)
        .map((r) => ({
          id: r.id,
          name: r.name,
          cost: r.cost,
          kind: REWARD_KIND[r.kind],
          value: r.value,
          available:
            member !== null && member.points.available >= r.cost && (r.minTier === undefined || rank(member.tier.key) >= rank(r.minTier)),
        }));
    },

    async perks(_source, _args, s) {
      const [program, member] = await Promise.all([s.program(), s.member()]);
      if (!member)
        return program.config.partners
          .filter((p) => p.enabled)
          .map((p) => perkNode(p, { claimable: false, blockedBy: "SIGN_IN", claimsLeft: p.claimLimit.count, codes: [] }));
      const perks = await s.engine.partners.perksOf(program, member.customerId, member.tier.key, s.ctx.now);
      return perks.map(({ partner, standing, claims, codesLeft }) => {
        const soldOut = standing.claimable && codesLeft === 0;
        return perkNode(partner, {
          claimable: standing.claimable && !soldOut,
          blockedBy: soldOut ? "SOLD_OUT" : standing.claimable ? null : PERK_BLOCK[standing.reason],
          claimsLeft: standing.left,
          codes: claims,
        });
      });
    },

    async program(_source, _args, s) {
      return programNode((await s.program()).config, s.ctx.now);
    },

    async referralLink(_source, _args, s) {
      const { customerId } = s.ctx;
      if (customerId === null) return null;
      await s.program();
      return shopperReferralLink(s, customerId);
    },
  },
  Mutation: {
    async redeem(_source, args, s) {
      const { customerId, redeem } = s.ctx;
      if (customerId === null) throw new ApiError("UNAUTHENTICATED", "sign in to redeem rewards");
      if (!redeem) throw new ApiError("NOT_CONFIGURED", "redemption is not configured");
      const key = shopperKey(customerId, args.idempotencyKey);
      await s.program();
      return unwrap(await redeem(args.rewardId as string, key ?? undefined));
    },
    async claimPerk(_source, args, s) {
      const { customerId } = s.ctx;
      if (customerId === null) throw new ApiError("UNAUTHENTICATED", "sign in to claim partner perks");
      const key = shopperKey(customerId, args.idempotencyKey) ?? `${customerId}:${randomUUID()}`;
      const input = { program: s.ctx.program, customerId, partner: args.partner as string, key, now: s.ctx.now };
      return unwrap(await s.engine.partners.claim(input));
    },
  },
};

const resolvers = mergeResolvers(
  pointsResolvers,
  membershipStorefrontResolvers,
  referralsStorefrontResolvers,
  campaignsStorefrontResolvers,
);

let schema: GraphQLSchema | undefined;

/** The storefront schema, built once from the contract. */
export function storefrontSchema(): GraphQLSchema {
  schema ??= schemaOf(storefrontSdl, resolvers);
  return schema;
}

/** Runs one storefront request for the shopper in `ctx`. */
export function executeStorefront(engine: Engine, ctx: StorefrontContext, request: GraphQLRequest): Promise<ExecutionResult> {
  return run(storefrontSchema(), request, shopperOf(engine, ctx), ctx.onError);
}
