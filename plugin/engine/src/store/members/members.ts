import { type Selectable, sql } from "kysely";
import {
  type EngineError,
  err,
  type MembershipView,
  membershipAt,
  ok,
  type ProgramConfig,
  planBenefits,
  type Result,
  type TierSource,
  tierFor,
  tierRank,
  tierSourceOf,
  windowStart,
} from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { type LedgerLine, ledgerPage } from "./ledger-page.ts";

export type { LedgerLine };

import { PREPARED } from "../db/prepared.ts";
import { toMember } from "../db/rows.ts";
import type { MemberTable } from "../db/schema.ts";
import { num } from "../db/schema.ts";
import { findProgram, type Program } from "../programs/programs.ts";

export interface MemberView {
  customerId: string;
  points: { available: number; pending: number; debt: number };
  growth: number;
  lifetimeGrowth: number;
  tier: { key: string; name: string; since: string; downgradeDueAt: string | null };
  nextTier: { key: string; name: string; remaining: number } | null;
  lastActivityAt: string | null;
  joinedAt: string;
  profile: { email: string | null; firstName: string | null; lastName: string | null; birthday: string | null; tags: string[] };
  /** The override as stored (it may have run out: see overrideInForce). */
  override: { tier: string; until: string | null; reason: string; actor: string; setAt: string } | null;
  /** What holds the tier: growth, a paid plan, the owner's override. */
  tierSource: TierSource;
  /** The current (or last) paid membership; null: never bought a plan. */
  membership: MembershipView | null;
  /** Member-price benefits the paying member's plan grants whatever the tier. */
  planBenefits: string[];
}

export function memberView(row: Selectable<MemberTable>, windowGrowth: number, config: ProgramConfig, now: Date): MemberView {
  const m = toMember(row);
  const tier = config.tiers.find((t) => t.key === m.tierKey) ?? tierFor(config, windowGrowth);
  const next = config.tiers[tierRank(config, m.tierKey) + 1];
  return {
    customerId: m.customerId,
    points: { available: m.available, pending: m.pending, debt: m.debt },
    growth: windowGrowth,
    lifetimeGrowth: m.growth,
    tier: { key: tier.key, name: tier.name, since: m.tierSince.toISOString(), downgradeDueAt: m.downgradeDueAt?.toISOString() ?? null },
    nextTier: next ? { key: next.key, name: next.name, remaining: Math.max(0, next.threshold - windowGrowth) } : null,
    lastActivityAt: m.lastActivityAt?.toISOString() ?? null,
    joinedAt: m.createdAt.toISOString(),
    profile: {
      email: m.profile.email,
      firstName: m.profile.firstName,
      lastName: m.profile.lastName,
      birthday: m.profile.birthday,
      tags: m.profile.tags,
    },
    override: m.override && {
      tier: m.override.tierKey,
      until: m.override.until?.toISOString() ?? null,
      reason: m.override.reason,
      actor: m.override.actor,
      setAt: m.override.setAt.toISOString(),
    },
    tierSource: tierSourceOf(m, windowGrowth, config, now),
    membership: membershipAt(m.membership, config, now),
    planBenefits: planBenefits(m, config, now),
  };
}

/** Growth within the window per member (absent: none); one prepared statement whatever the number of members. */
export async function windowGrowthOf(db: Db, memberIds: number[], start: Date | null): Promise<Map<number, number>> {
  if (start === null || memberIds.length === 0) return new Map();
  const { rows } = await sql<{ member_id: string | number | bigint; total: string | number }>`${sql.raw(PREPARED)}
    SELECT member_id, sum(amount) AS total FROM kinship_growth
    WHERE member_id = ANY(${memberIds}::bigint[]) AND occurred_at >= ${start} GROUP BY member_id`.execute(db);
  return new Map(rows.map((r) => [num(r.member_id), num(r.total)]));
}

export async function getMember(db: Db, programKey: string, customerId: string, now: Date): Promise<Result<MemberView, EngineError>> {
  const program = await findProgram(db, programKey);
  if (!program.ok) return program;
  return memberIn(db, program.value, customerId, now);
}

/** A member of a program already loaded (the storefront's hot path: two prepared reads at most). */
export async function memberIn(db: Db, program: Program, customerId: string, now: Date): Promise<Result<MemberView, EngineError>> {
  const { id, config } = program;
  const { rows } = await sql<Selectable<MemberTable>>`${sql.raw(PREPARED)}
    SELECT id, program_id, customer_id, available, pending, debt, growth, tier_key, tier_since, downgrade_due_at,
      last_activity_at, profile, profile_updated_at, created_at, updated_at, override_tier, override_until, override_reason,
      override_actor, override_set_at, membership, membership_due_at
    FROM kinship_member WHERE program_id = ${id} AND customer_id = ${customerId}`.execute(db);
  const row = rows[0];
  if (!row) return err({ code: "UnknownMember", message: `no member ${customerId} in ${program.key}`, customerId });
  const start = windowStart(config.growth.window, now, config.timezone);
  const growth = start ? ((await windowGrowthOf(db, [num(row.id)], start)).get(num(row.id)) ?? 0) : num(row.growth);
  return ok(memberView(row, growth, config, now));
}

/** Members in a stable order, a page at a time (keyset on row id). */
export async function* listMembers(db: Db, programKey: string, now: Date, pageSize = 1000): AsyncGenerator<MemberView> {
  const program = await findProgram(db, programKey);
  if (!program.ok) throw new Error(program.error.message);
  const { id, config } = program.value;
  const start = windowStart(config.growth.window, now, config.timezone);
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom("kinship_member")
      .selectAll()
      .where("program_id", "=", id)
      .where("id", ">", after)
      .orderBy("id")
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    const growth = await windowGrowthOf(
      db,
      rows.map((r) => num(r.id)),
      start,
    );
    for (const r of rows) yield memberView(r, start ? (growth.get(num(r.id)) ?? 0) : num(r.growth), config, now);
    after = num(rows[rows.length - 1]?.id);
  }
}

/** The newest `limit` ledger lines of a member (the first page of `ledgerPage`). */
export async function memberLedger(
  db: Db,
  programKey: string,
  customerId: string,
  limit = 100,
): Promise<Result<LedgerLine[], EngineError>> {
  const program = await findProgram(db, programKey);
  if (!program.ok) return program;
  const page = await ledgerPage(db, program.value.id, customerId, { first: limit, beforeId: null });
  return ok(page.lines);
}

/** How many members a program has (every program's when no key is given). */
export async function countMembers(db: Db, programKey?: string): Promise<number> {
  let query = db
    .selectFrom("kinship_member as m")
    .innerJoin("kinship_program as p", "p.id", "m.program_id")
    .select((eb) => eb.fn.countAll<string | number>().as("n"));
  if (programKey !== undefined) query = query.where("p.key", "=", programKey);
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}
