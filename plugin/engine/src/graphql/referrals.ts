import { REFERRAL_STATUSES, type ReferralStatus } from "../core/index.ts";
import type { ReferralView } from "../store/referrals/referrals.ts";
import { type Admin, pageSize } from "./admin-context.ts";
import { badInput, unwrap } from "./errors.ts";
import type { Resolvers } from "./execute.ts";
import type { Shopper } from "./shopper.ts";

const REWARD_KIND = { amountOff: "AMOUNT_OFF", percentOff: "PERCENT_OFF", freeShipping: "FREE_SHIPPING" } as const;

/** `<storefront>?ref=<code>`: the link a member shares. */
export function referralLinkOf(storefrontUrl: string, code: string): string {
  const url = new URL(storefrontUrl);
  url.searchParams.set("ref", code);
  return url.toString();
}

/** The signed-in shopper's link: the edge's own (ctx.referralLink), else the program's storefront with the engine's code. */
export async function shopperReferralLink(s: Shopper, customerId: string): Promise<string | null> {
  if (s.ctx.referralLink) return s.ctx.referralLink(customerId);
  if (!s.ctx.storefrontUrl) return null;
  const code = await s.engine.referrals.linkCodeOf((await s.program()).id, customerId, s.ctx.now);
  return code ? referralLinkOf(s.ctx.storefrontUrl, code) : null;
}

export const referralsStorefrontResolvers: Resolvers<Shopper> = {
  Member: {
    async referrals(source, _args, s) {
      const { customerId } = source as { customerId: string };
      const program = await s.program();
      if (!program.config.referrals?.enabled) return null;
      const code = await s.engine.referrals.codeOf(program.id, customerId, s.ctx.now);
      if (!code) return null;
      const counts = await s.engine.referrals.counts(program.id, customerId);
      const link = s.ctx.referralLink
        ? await s.ctx.referralLink(customerId)
        : s.ctx.storefrontUrl
          ? referralLinkOf(s.ctx.storefrontUrl, code)
          : null;
      return { code, link, ...counts };
    },
  },
  StorefrontProgram: {
    async referral(_source, _args, s) {
      const r = (await s.program()).config.referrals;
      if (!r?.enabled) return null;
      return {
        refereeRewardKind: REWARD_KIND[r.refereeReward.kind],
        refereeRewardValue: r.refereeReward.value,
        referrerPoints: r.referrerReward.points,
      };
    },
  },
  Mutation: {
    async recordSession(_source, args, s) {
      const deviceId = args.deviceId as string;
      if (deviceId.length < 1 || deviceId.length > 200) throw badInput("deviceId must be 1 to 200 characters");
      const { customerId } = s.ctx;
      if (customerId === null) return false;
      const program = await s.program();
      return s.engine.referrals.recordSession(program.id, customerId, { ip: s.ctx.clientIp ?? null, deviceId }, s.ctx.now);
    },
  },
};

/** Referral cursors are opaque: base64url of the last referral id seen. */
function encodeReferralCursor(id: string): string {
  return Buffer.from(`referral:${id}`, "utf8").toString("base64url");
}

function decodeReferralCursor(cursor: string): string | null {
  const m = /^referral:([1-9]\d{0,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return m?.[1] ?? null;
}

function statusArg(raw: unknown): ReferralStatus | null {
  if (raw === null || raw === undefined) return null;
  if (!(REFERRAL_STATUSES as readonly string[]).includes(raw as string)) throw badInput(`unknown referral status ${String(raw)}`);
  return raw as ReferralStatus;
}

export function referralNode(r: ReferralView) {
  return r;
}

export const referralsAdminResolvers: Resolvers<Admin> = {
  AdminMember: {
    async referralCode(source, _args, a) {
      const { customerId } = source as { customerId: string };
      return a.engine.referrals.codeOf((await a.program()).id, customerId, a.ctx.now);
    },
    async referrals(source, args, a) {
      const { customerId } = source as { customerId: string };
      return (await a.engine.referrals.by((await a.program()).id, customerId, pageSize(args.first as number))).map(referralNode);
    },
  },
  Query: {
    async referrals(_source, args, a) {
      const after = (args.after as string | null | undefined) ?? null;
      const beforeId = after ? decodeReferralCursor(after) : null;
      if (after && beforeId === null) throw badInput("after is not a referral cursor from this API");
      const program = await a.program();
      const page = await a.engine.referrals.list(program.id, {
        status: statusArg(args.status),
        first: pageSize(args.first as number),
        beforeId,
      });
      return { referrals: page.referrals.map(referralNode), nextCursor: page.lastId === null ? null : encodeReferralCursor(page.lastId) };
    },
  },
  Mutation: {
    async reviewReferral(_source, args, a) {
      const note = (args.note as string | null | undefined) ?? null;
      if (note !== null && note.length > 500) throw badInput("note must be at most 500 characters");
      const program = await a.program();
      const input = { id: String(args.id), approve: args.approve as boolean, note, actor: a.ctx.actor };
      return referralNode(unwrap(await a.engine.referrals.review(program, input, a.ctx.now)));
    },
  },
};
