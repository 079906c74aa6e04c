import { type MembershipStatus, membershipAt, membershipFromJson, membershipValue, PAYING, type Plan } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import type { Program } from "../programs/programs.ts";
import { type ValueRequest, valueParts } from "./value.ts";

export interface PlanStats {
  plan: Plan;
  active: number;
  grace: number;
  ending: number;
  lapsed: number;
  valueExceedsFee: number;
}

/**
 * Every plan's members at `now` (by their current membership), and how many paying members' value
 * this period exceeds the fee: members who ever bought a plan are read a chunk at a time.
 */
export async function planStats(db: Db, program: Program, now: Date, chunk = 5000): Promise<PlanStats[]> {
  const { config } = program;
  const stats = new Map<string, PlanStats>(
    config.plans.map((plan) => [plan.key, { plan, active: 0, grace: 0, ending: 0, lapsed: 0, valueExceedsFee: 0 }]),
  );
  const field: Record<MembershipStatus, "active" | "grace" | "ending" | "lapsed"> = {
    ACTIVE: "active",
    GRACE: "grace",
    ENDING: "ending",
    LAPSED: "lapsed",
  };
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom("kinship_member")
      .select(["id", "membership"])
      .where("program_id", "=", program.id)
      .where("membership", "is not", null)
      .where("id", ">", after)
      .orderBy("id")
      .limit(chunk)
      .execute();
    if (rows.length === 0) break;
    after = num(rows[rows.length - 1]?.id);
    const paying: (ValueRequest & { plan: Plan })[] = [];
    for (const r of rows) {
      const view = membershipAt(membershipFromJson(r.membership), config, now);
      const s = view && stats.get(view.plan.key);
      if (!view || !s) continue;
      s[field[view.status]] += 1;
      if (PAYING.includes(view.status))
        paying.push({ memberId: num(r.id), from: view.periodStart, to: now, freeShipping: view.plan.freeShipping, plan: view.plan });
    }
    const parts = await valueParts(db, config, paying);
    for (const p of paying) {
      const v = parts.get(p.memberId);
      if (v && membershipValue(v, p.plan.price).exceedsFee) (stats.get(p.plan.key) as PlanStats).valueExceedsFee += 1;
    }
  }
  return [...stats.values()];
}

export interface MembershipSummary {
  paying: number;
  valueExceedsFee: number;
  shareExceedingFee: number;
}

export function summaryOf(stats: PlanStats[]): MembershipSummary {
  const paying = stats.reduce((s, p) => s + p.active + p.grace + p.ending, 0);
  const valueExceedsFee = stats.reduce((s, p) => s + p.valueExceedsFee, 0);
  return { paying, valueExceedsFee, shareExceedingFee: paying === 0 ? 0 : valueExceedsFee / paying };
}
