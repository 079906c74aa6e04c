import { sql } from "kysely";
import { type CampaignState, type MembershipRecord, membershipFromJson } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import type { Program } from "../programs/programs.ts";
import { type EarnedBadge, earnedBadges, memberCampaigns, type StampCardProgress, stampCardProgress } from "./campaigns.ts";

/** What a member export holds beyond the member, ledger, orders and perks: referrals, membership, campaigns, insight. */
export interface MemberExportExtras {
  referrals: {
    code: string | null;
    /** The referrals the member made (the referee is another person: left out). */
    made: { id: string; status: string; points: number; createdAt: string; decidedAt: string | null; note: string | null }[];
    /** The referral that brought the member, if any (the referrer is another person: left out). */
    referredBy: { id: string; orderId: string; status: string; welcomeCode: string | null; createdAt: string } | null;
    /** The browsers the member was seen on (referral fraud checks). */
    sessions: { kind: string; value: string; seenAt: string }[];
  };
  membership: { purchases: MembershipRecord | null; guestPlans: { orderId: string; email: string; plan: string; occurredAt: string }[] };
  campaigns: { state: CampaignState; badges: EarnedBadge[]; stampCards: StampCardProgress[] };
  /** The member's scores as insight last computed them; null when it has not yet. */
  insight: {
    segment: string;
    recency: number | null;
    frequency: number | null;
    monetary: number | null;
    orders: number;
    lifetimeValue: number;
    firstOrderAt: string | null;
    lastOrderAt: string | null;
    computedAt: string;
  } | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function memberExportExtras(db: Db, program: Program, customerId: string): Promise<MemberExportExtras> {
  const member = await db
    .selectFrom("kinship_member")
    .select(["id", "membership"])
    .where("program_id", "=", program.id)
    .where("customer_id", "=", customerId)
    .executeTakeFirstOrThrow();
  const memberId = num(member.id);
  const code = await sql<{ code: string }>`SELECT code FROM kinship_referral_code WHERE member_id = ${memberId}`.execute(db);
  const made = await sql<{
    id: string;
    status: string;
    points: string | number;
    created_at: Date;
    decided_at: Date | null;
    note: string | null;
  }>`SELECT id, status, points, created_at, decided_at, note FROM kinship_referral WHERE referrer_id = ${memberId} ORDER BY id`.execute(db);
  const by = await sql<{
    id: string;
    order_id: string;
    status: string;
    welcome_code: string | null;
    created_at: Date;
  }>`SELECT id, order_id, status, CASE WHEN welcome_issued_at IS NULL THEN NULL ELSE welcome_code END AS welcome_code, created_at
    FROM kinship_referral WHERE referee_id = ${memberId}`.execute(db);
  const sessions = await sql<{ kind: string; value: string; seen_at: Date }>`SELECT kind, value, seen_at
    FROM kinship_referral_session WHERE member_id = ${memberId} ORDER BY seen_at, kind, value`.execute(db);
  const guestPlans = await db
    .selectFrom("kinship_guest_plan")
    .select(["order_id", "email", "plan", "occurred_at"])
    .where("member_id", "=", memberId)
    .orderBy("occurred_at")
    .execute();
  const state = await memberCampaigns(db, program.id, customerId);
  const insight = await db.selectFrom("kinship_member_insight").selectAll().where("member_id", "=", memberId).executeTakeFirst();
  const referee = by.rows[0];
  return {
    referrals: {
      code: code.rows[0]?.code ?? null,
      made: made.rows.map((r) => ({
        id: String(r.id),
        status: r.status,
        points: num(r.points),
        createdAt: iso(r.created_at) as string,
        decidedAt: iso(r.decided_at),
        note: r.note,
      })),
      referredBy: referee
        ? {
            id: String(referee.id),
            orderId: referee.order_id,
            status: referee.status,
            welcomeCode: referee.welcome_code,
            createdAt: iso(referee.created_at) as string,
          }
        : null,
      sessions: sessions.rows.map((s) => ({ kind: s.kind, value: s.value, seenAt: iso(s.seen_at) as string })),
    },
    membership: {
      purchases: membershipFromJson(member.membership),
      guestPlans: guestPlans.map((g) => ({ orderId: g.order_id, email: g.email, plan: g.plan, occurredAt: iso(g.occurred_at) as string })),
    },
    campaigns: { state, badges: earnedBadges(program.config, state), stampCards: stampCardProgress(program.config, state) },
    insight: insight
      ? {
          segment: insight.segment,
          recency: insight.recency,
          frequency: insight.frequency,
          monetary: insight.monetary,
          orders: insight.orders,
          lifetimeValue: num(insight.lifetime_value),
          firstOrderAt: iso(insight.first_order_at),
          lastOrderAt: iso(insight.last_order_at),
          computedAt: iso(insight.computed_at) as string,
        }
      : null,
  };
}
