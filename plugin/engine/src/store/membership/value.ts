import { sql } from "kysely";
import { type MembershipValue, membershipValue, type ProgramConfig, rewardValue, type ValueParts } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";

/** One member's period to value: from its start to `to`, shipping counted when the plan includes it. */
export interface ValueRequest {
  memberId: number;
  from: Date;
  to: Date;
  freeShipping: boolean;
}

type Int = string | number | bigint;

/**
 * The parts of the value realised for many members in one statement: member-price savings and
 * shipping not charged on their orders (kinship_sale), rewards redeemed (confirmed redemptions,
 * each worth rewardValue) and perk codes claimed (each worth its partner's settlementPrice), in
 * each member's period, both ends included.
 */
export async function valueParts(db: Db, config: ProgramConfig, requests: ValueRequest[]): Promise<Map<number, ValueParts>> {
  const out = new Map<number, ValueParts>();
  if (requests.length === 0) return out;
  const iso = (d: Date) => d.toISOString();
  const { rows } = await sql<{ member_id: Int; saving: Int; shipping: Int; rewards: Record<string, Int>; perks: Record<string, Int> }>`
    WITH v AS (
      SELECT * FROM unnest(${requests.map((r) => r.memberId)}::bigint[], ${requests.map((r) => iso(r.from))}::timestamptz[],
                           ${requests.map((r) => iso(r.to))}::timestamptz[]) AS v(member_id, f, t))
    SELECT v.member_id,
      (SELECT coalesce(sum(s.member_saving), 0) FROM kinship_sale s
         WHERE s.member_id = v.member_id AND s.occurred_at >= v.f AND s.occurred_at <= v.t) AS saving,
      (SELECT coalesce(sum(s.shipping_discount), 0) FROM kinship_sale s
         WHERE s.member_id = v.member_id AND s.occurred_at >= v.f AND s.occurred_at <= v.t) AS shipping,
      (SELECT coalesce(jsonb_object_agg(x.reward_id, x.n), '{}'::jsonb) FROM (
         SELECT r.reward_id, count(*) AS n FROM kinship_redemption r
         WHERE r.member_id = v.member_id AND r.status = 'confirmed' AND r.created_at >= v.f AND r.created_at <= v.t
         GROUP BY r.reward_id) x) AS rewards,
      (SELECT coalesce(jsonb_object_agg(y.partner_key, y.n), '{}'::jsonb) FROM (
         SELECT p.partner_key, count(*) AS n FROM kinship_perk_code p
         WHERE p.member_id = v.member_id AND p.claimed_at >= v.f AND p.claimed_at <= v.t
         GROUP BY p.partner_key) y) AS perks
    FROM v`.execute(db);
  const shipping = new Map(requests.map((r) => [r.memberId, r.freeShipping]));
  for (const r of rows) {
    const id = num(r.member_id);
    const rewards = Object.entries(r.rewards).reduce(
      (s, [rewardId, n]) => s + rewardValue(config.rewards.find((x) => x.id === rewardId)) * num(n),
      0,
    );
    const perks = Object.entries(r.perks).reduce(
      (s, [key, n]) => s + (config.partners.find((p) => p.key === key)?.settlementPrice ?? 0) * num(n),
      0,
    );
    out.set(id, { memberPrices: num(r.saving), freeShipping: shipping.get(id) ? num(r.shipping) : 0, rewards, perks });
  }
  return out;
}

/** One member's value realised over their current period (see valueParts). */
export async function periodValue(db: Db, config: ProgramConfig, request: ValueRequest, fee: number): Promise<MembershipValue> {
  const parts = (await valueParts(db, config, [request])).get(request.memberId) ?? {
    memberPrices: 0,
    freeShipping: 0,
    rewards: 0,
    perks: 0,
  };
  return membershipValue(parts, fee);
}
