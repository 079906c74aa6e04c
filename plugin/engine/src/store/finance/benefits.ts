import { sql } from "kysely";
import { type ProgramConfig, rewardValue } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { big } from "./ledger.ts";

type Int = string | number | bigint | null;

/** What a benefit, reward or partner cost in a period, against the orders of the members who used it. */
export interface BenefitCost {
  key: string;
  name: string;
  kind: "memberPrice" | "reward" | "partner";
  uses: number;
  /** costEstimate × uses (member prices), settlementPrice × claims (partners); null with no estimate. */
  estimatedCost: bigint | null;
  discountsGiven: bigint;
  members: number;
  memberOrders: number;
  memberSales: bigint;
  currency: string;
}

/**
 * Uses in [from, to), one statement:
 * - a member price: a member's paid order (kinship_sale) with a member saving, placed while the
 *   member's tier (from the tier history: the last change before the order; a change the order
 *   itself made came after its prices) reached the
 *   benefit's minTier. Orders keep one saving for all member prices, so each eligible benefit counts
 *   the order and its whole saving;
 * - a reward: a confirmed redemption (reserved or cancelled ones are not), its discount the reward's
 *   amount off (percent-off and free-shipping discounts are applied by the platform: 0 here);
 * - a partner: a perk code claimed.
 * Against each: the paid orders in the period of the members who used it.
 */
export async function benefitCosts(db: Db, programId: number, config: ProgramConfig, from: Date, to: Date): Promise<BenefitCost[]> {
  const tiers = config.tiers.map((t) => t.key);
  const rank = (tier: string) => tiers.indexOf(tier) + 1;
  const benefits = config.benefits;
  const { rows } = await sql<{ key: string; uses: Int; discount: Int; members: Int; orders: Int; sales: Int }>`
    WITH sales AS (
      SELECT member_id, subtotal, member_saving, occurred_at FROM kinship_sale
      WHERE program_id = ${programId} AND occurred_at >= ${from} AND occurred_at < ${to} AND member_id IS NOT NULL),
    priced AS (
      SELECT s.member_id, s.member_saving, array_position(${tiers}::text[], coalesce(
        (SELECT c.to_tier FROM kinship_tier_change c WHERE c.member_id = s.member_id AND c.at < s.occurred_at ORDER BY c.at DESC, c.id DESC LIMIT 1),
        (SELECT c.from_tier FROM kinship_tier_change c WHERE c.member_id = s.member_id AND c.at >= s.occurred_at ORDER BY c.at, c.id LIMIT 1),
        (SELECT m.tier_key FROM kinship_member m WHERE m.id = s.member_id))) AS rank
      FROM sales s WHERE s.member_saving > 0),
    uses AS (
      SELECT 'benefit:' || b.id AS key, p.member_id, count(*) AS n, sum(p.member_saving) AS discount
      FROM priced p JOIN unnest(${benefits.map((b) => b.id)}::text[], ${benefits.map((b) => rank(b.minTier))}::int[]) AS b(id, min_rank)
        ON p.rank >= b.min_rank
      GROUP BY 1, 2
      UNION ALL
      SELECT 'reward:' || reward_id, member_id, count(*), 0 FROM kinship_redemption
      WHERE program_id = ${programId} AND created_at >= ${from} AND created_at < ${to} AND status = 'confirmed'
      GROUP BY 1, 2
      UNION ALL
      SELECT 'partner:' || partner_key, member_id, count(*), 0 FROM kinship_perk_code
      WHERE program_id = ${programId} AND claimed_at >= ${from} AND claimed_at < ${to}
      GROUP BY 1, 2),
    orders AS (SELECT member_id, count(*) AS n, sum(subtotal) AS total FROM sales GROUP BY member_id)
    SELECT u.key, sum(u.n) AS uses, sum(u.discount) AS discount, count(u.member_id) AS members,
      coalesce(sum(o.n), 0) AS orders, coalesce(sum(o.total), 0) AS sales
    FROM uses u LEFT JOIN orders o ON o.member_id = u.member_id
    GROUP BY u.key`.execute(db);
  const used = new Map(rows.map((r) => [r.key, r]));
  const currency = config.currency;
  const row = (key: string, name: string, kind: BenefitCost["kind"], unitCost: number | null, unitDiscount: number | null) => {
    const r = used.get(key);
    const uses = Number(r?.uses ?? 0);
    return {
      key,
      name,
      kind,
      uses,
      estimatedCost: unitCost === null ? null : BigInt(unitCost) * BigInt(uses),
      discountsGiven: unitDiscount === null ? big(r?.discount) : BigInt(unitDiscount) * BigInt(uses),
      members: Number(r?.members ?? 0),
      memberOrders: Number(r?.orders ?? 0),
      memberSales: big(r?.sales),
      currency,
    };
  };
  const configured = [
    ...benefits.map((b) => row(`benefit:${b.id}`, b.name, "memberPrice", b.costEstimate ?? null, null)),
    ...config.rewards.map((r) => row(`reward:${r.id}`, r.name, "reward", null, rewardValue(r))),
    ...config.partners.map((p) => row(`partner:${p.key}`, p.name, "partner", p.settlementPrice, 0)),
  ];
  // Rewards and partners since removed from the config still show what they were used for.
  const known = new Set(configured.map((c) => c.key));
  const removed = rows
    .filter((r) => !known.has(r.key) && !r.key.startsWith("benefit:"))
    .map((r) => {
      const [kind = "", id = ""] = r.key.split(/:(.*)/s);
      return row(r.key, id, kind === "reward" ? "reward" : "partner", null, 0);
    });
  return [...configured, ...removed];
}
