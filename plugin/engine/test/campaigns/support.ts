import { sql } from "kysely";
import { dbOf } from "../../../../test/support/engine-db.ts";
import type { Engine, ProgramConfigInput } from "../../src/index.ts";
import { num } from "../../src/store/db/schema.ts";
import { uniqueProgramKey } from "../support/backends.ts";

export interface CampaignProgram {
  key: string;
  id: number;
  /** Applies inputs that must go through (a duplicate is fine: AlreadyApplied). */
  given(now: Date | string, ...inputs: unknown[]): Promise<void>;
  maintain(now: Date | string): Promise<void>;
  /** Lots whose key starts with `prefix`, with when they were earned. */
  lots(prefix: string): Promise<{ key: string; amount: number; earnedAt: string; customerId: string }[]>;
  outbox(topic: string): Promise<{ key: string; payload: Record<string, unknown>; createdAt: string }[]>;
  member(customerId: string): Promise<{ growth: number; tier: string; available: number; pending: number; downgradeDueAt: Date | null }>;
}

export async function campaignProgram(engine: Engine, config: ProgramConfigInput, prefix = "campaigns"): Promise<CampaignProgram> {
  const key = uniqueProgramKey(prefix);
  const created = await engine.createProgram({ key, platform: "shopify", config, actor: "test", now: new Date("2020-01-01T00:00:00Z") });
  if (!created.ok) throw new Error(created.error.message);
  const id = created.value.id;
  const db = dbOf(engine);
  const at = (now: Date | string) => (typeof now === "string" ? new Date(now) : now);
  return {
    key,
    id,
    async given(now, ...inputs) {
      for (const input of inputs) {
        const r = await engine.apply(key, input, at(now));
        if (!r.ok && r.error.code !== "AlreadyApplied") throw new Error(`${JSON.stringify(input)}: ${r.error.code} ${r.error.message}`);
      }
    },
    async maintain(now) {
      await engine.maintain(key, at(now));
    },
    async lots(prefix) {
      const { rows } = await sql<{ key: string; amount: string; earned_at: Date; customer_id: string }>`
        SELECT l.key, l.amount, l.earned_at, m.customer_id FROM kinship_lot l JOIN kinship_member m ON m.id = l.member_id
        WHERE l.program_id = ${id} AND starts_with(l.key, ${prefix}) ORDER BY l.earned_at, l.key`.execute(db);
      return rows.map((r) => ({ key: r.key, amount: num(r.amount), earnedAt: r.earned_at.toISOString(), customerId: r.customer_id }));
    },
    async outbox(topic) {
      const rows = await db
        .selectFrom("kinship_outbox")
        .select(["key", "payload", "created_at"])
        .where("program_id", "=", id)
        .where("topic", "=", topic)
        .orderBy("id")
        .execute();
      return rows.map((r) => ({ key: r.key, payload: r.payload as Record<string, unknown>, createdAt: r.created_at.toISOString() }));
    },
    async member(customerId) {
      const m = await db
        .selectFrom("kinship_member")
        .selectAll()
        .where("program_id", "=", id)
        .where("customer_id", "=", customerId)
        .executeTakeFirstOrThrow();
      return {
        growth: num(m.growth),
        tier: m.tier_key,
        available: num(m.available),
        pending: num(m.pending),
        downgradeDueAt: m.downgrade_due_at,
      };
    },
  };
}

/** Instants from `from` (inclusive) to `to` (exclusive), `hours` apart. */
export function every(hours: number, from: string, to: string): Date[] {
  const out: Date[] = [];
  for (let t = new Date(from).getTime(); t < new Date(to).getTime(); t += hours * 3_600_000) out.push(new Date(t));
  return out;
}
