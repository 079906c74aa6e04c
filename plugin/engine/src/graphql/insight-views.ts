import { lastTwelveMonths, SEGMENTS, type SegmentKey } from "../core/index.ts";
import type { MemberInsight } from "../store/insight/members.ts";
import type { InsightViews } from "../store/insight/views.ts";
import { type Admin, instant, pageSize } from "./admin-context.ts";
import { badInput, unwrap } from "./errors.ts";
import type { Resolvers } from "./execute.ts";
import { decodeSegmentCursor, encodeSegmentCursor } from "./insight-cursor.ts";

/** The longest period the views cover (its tier migration lists each month). */
const MAX_PERIOD_DAYS = 5 * 366;

/** Insight in the admin: segments, RFM per member, the 20/80 view, tier migration. */
export const insightViewsAdminResolvers: Resolvers<Admin> = {
  Query: {
    async insight(_source, args, a) {
      const program = await a.program();
      const period = periodOf(args, a.ctx.now, program.config.timezone);
      return viewsNode(await a.engine.insight.views(program.id, period, program.config.timezone));
    },
    async memberInsight(_source, args, a) {
      const program = await a.program();
      const found = await a.engine.insight.member(program.id, args.customerId as string, a.ctx.now);
      return found && memberNode(found);
    },
    async membersInSegment(_source, args, a) {
      const segment = segmentKey(args.segment as string);
      const first = pageSize((args.first ?? 50) as number);
      const after = typeof args.after === "string" ? decodeSegmentCursor(args.after, segment) : null;
      const program = await a.program();
      const page = await a.engine.insight.segment(program.id, segment, first, after);
      return { members: page.members.map(memberNode), nextCursor: page.next && encodeSegmentCursor(segment, page.next) };
    },
  },
  Mutation: {
    async refreshInsight(_source, args, a) {
      const key = typeof args.idempotencyKey === "string" ? args.idempotencyKey : null;
      if (key !== null && (key.length < 1 || key.length > 100)) throw badInput("idempotencyKey must be 1 to 100 characters");
      const program = await a.program();
      unwrap(await a.engine.insight.refresh(a.ctx.program, a.ctx.now, { actor: a.ctx.actor, key }));
      const period = periodOf({}, a.ctx.now, program.config.timezone);
      return viewsNode(await a.engine.insight.views(program.id, period, program.config.timezone));
    },
  },
};

/** [from, to); by default the last 12 months: from the start of the month eleven months back (program zone) to now. */
function periodOf(args: Record<string, unknown>, now: Date, zone: string) {
  const to = args.to == null ? now : instant(args.to, "to");
  const from = args.from == null ? lastTwelveMonths(to, zone).from : instant(args.from, "from");
  if (from >= to) throw badInput("from must be before to");
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * 86_400_000) throw badInput("from and to may be at most five years apart");
  return { from, to };
}

const segmentName = (s: SegmentKey) => s.toUpperCase();

function segmentKey(name: string): SegmentKey {
  const key = name.toLowerCase() as SegmentKey;
  if (!SEGMENTS.includes(key)) throw badInput(`unknown segment ${name}`);
  return key;
}

function viewsNode(v: InsightViews) {
  return {
    computedAt: v.computedAt?.toISOString() ?? null,
    segments: v.segments.map((s) => ({ segment: segmentName(s.segment), members: s.members, sales: String(s.sales) })),
    byTier: v.byTier.map((c) => ({ ...c, segment: segmentName(c.segment) })),
    topShare: { ...v.topShare, topSales: String(v.topShare.topSales), totalSales: String(v.topShare.totalSales) },
    memberOrders: v.memberOrders,
    nonMemberOrders: v.nonMemberOrders,
    tierMigration: v.tierMigration,
  };
}

function memberNode(m: MemberInsight) {
  return {
    ...m,
    segment: segmentName(m.segment),
    lifetimeValue: String(m.lifetimeValue),
    firstOrderAt: m.firstOrderAt?.toISOString() ?? null,
    lastOrderAt: m.lastOrderAt?.toISOString() ?? null,
    computedAt: m.computedAt?.toISOString() ?? null,
  };
}
