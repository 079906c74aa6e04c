import { randomUUID } from "node:crypto";
import { overrideInForce, unknownTierMessage } from "../core/index.ts";
import type { MemberView } from "../store/members/members.ts";
import { MEMBER_SORTS, type MemberSort, type MemberSummary } from "../store/members/search.ts";
import type { Program } from "../store/programs/programs.ts";
import { type Admin, instant } from "./admin-context.ts";
import { memberOf } from "./admin-member.ts";
import { badInput, fromEngine, unwrap } from "./errors.ts";
import type { Resolvers } from "./execute.ts";
import { decodeMemberCursor, encodeMemberCursor, type MemberList } from "./member-cursor.ts";

/** The most members one page of the list returns. */
export const MAX_MEMBERS_PAGE = 100;
const MAX_SEARCH = 200;

function memberList(program: Program, args: Record<string, unknown>): MemberList {
  const search = typeof args.search === "string" ? args.search.trim() : "";
  if (search.length > MAX_SEARCH) throw badInput(`search must be at most ${MAX_SEARCH} characters`);
  const tierKey = typeof args.tier === "string" ? args.tier : null;
  if (tierKey !== null && !program.config.tiers.some((t) => t.key === tierKey))
    throw fromEngine({ code: "UnknownTier", message: unknownTierMessage(tierKey, program.config), tier: tierKey });
  const sort = (args.sort ?? "POINTS_DESC") as MemberSort;
  if (!MEMBER_SORTS.includes(sort)) throw badInput(`sort must be one of ${MEMBER_SORTS.join(", ")}`);
  return { search: search === "" ? null : search, tierKey, sort };
}

function summaryNode(program: Program, m: MemberSummary) {
  const tier = program.config.tiers.find((t) => t.key === m.tierKey);
  return {
    ...m,
    tier: {
      key: m.tierKey,
      name: tier?.name ?? m.tierKey,
      threshold: tier?.threshold ?? 0,
      badge: tier?.badge ? { label: tier.badge.label, color: tier.badge.color, icon: tier.badge.icon ?? null } : null,
    },
  };
}

function idempotencyKey(value: unknown): string {
  if (typeof value !== "string") return randomUUID();
  if (value.length < 1 || value.length > 100) throw badInput("idempotencyKey must be 1 to 100 characters");
  return value;
}

export const memberResolvers = {
  Query: {
    async members(_source, args, a) {
      const program = await a.program();
      const list = memberList(program, args);
      const first = args.first as number;
      if (!Number.isInteger(first) || first < 1 || first > MAX_MEMBERS_PAGE)
        throw badInput(`first must be 1 to ${MAX_MEMBERS_PAGE}, got ${first}`);
      const after = typeof args.after === "string" ? decodeMemberCursor(args.after, list) : null;
      const page = await a.engine.members.search(program, { ...list, first, after }, a.ctx.now);
      return {
        members: page.members.map((m) => summaryNode(program, m)),
        nextCursor: page.next && encodeMemberCursor(list, page.next),
      };
    },
  },
  Mutation: {
    async overrideTier(_source, args, a) {
      const customerId = args.customerId as string;
      const until = args.until === null || args.until === undefined ? null : instant(args.until, "until");
      const input = {
        program: a.ctx.program,
        customerId,
        tierKey: typeof args.tier === "string" ? args.tier : null,
        until,
        reason: args.reason as string,
        actor: a.ctx.actor,
        key: idempotencyKey(args.idempotencyKey),
      };
      if (input.tierKey === null && until !== null)
        throw badInput("until goes with a tier: clear the override with tier null and no until");
      unwrap(await a.engine.members.override(input, a.ctx.now));
      return memberOf(a, customerId);
    },
  },
  AdminMember: {
    /** The override in force now: one that ran out (maintenance ends it) or whose tier left the config is none. */
    async override(source, _args, a) {
      const o = (source as { override?: MemberView["override"] }).override;
      if (!o) return null;
      const held = {
        tierKey: o.tier,
        until: o.until === null ? null : new Date(o.until),
        reason: o.reason,
        actor: o.actor,
        setAt: new Date(o.setAt),
      };
      return overrideInForce({ override: held }, (await a.program()).config, a.ctx.now) ? o : null;
    },
  },
} satisfies Resolvers<Admin>;
