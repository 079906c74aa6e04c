import { type RawBuilder, sql } from "kysely";
import { windowStart } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import type { Program } from "../programs/programs.ts";
import { windowGrowthOf } from "./members.ts";

export const MEMBER_SORTS = ["POINTS_DESC", "POINTS_ASC", "GROWTH_DESC", "GROWTH_ASC", "JOINED_DESC"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

/** Where the previous page ended: the sort key (as text) and the row id that breaks its ties. */
export interface MemberKeyset {
  value: string;
  id: number;
}

export interface MemberQuery {
  /** Trimmed, non-empty: a whole customer id, or a prefix of the email, last name or "first last" (any case). */
  search: string | null;
  tierKey: string | null;
  sort: MemberSort;
  first: number;
  after: MemberKeyset | null;
}

export interface MemberSummary {
  customerId: string;
  email: string | null;
  name: string | null;
  tierKey: string;
  available: number;
  pending: number;
  /** Growth in the qualification window (the tier's measure; the lifetime total under a lifetime window). */
  growth: number;
  joinedAt: string;
  lastActivityAt: string | null;
}

export interface MemberSearchPage {
  members: MemberSummary[];
  /** Where this page ended, when more follow. */
  next: MemberKeyset | null;
}

/** Each sort's key column, its value as text (exact: joined is epoch microseconds) and how a keyset value is read back. */
const SORTS: Record<
  MemberSort,
  { column: RawBuilder<unknown>; text: RawBuilder<string>; of: (v: string) => RawBuilder<unknown>; desc: boolean }
> = {
  POINTS_DESC: { column: sql`m.available`, text: sql`m.available::text`, of: (v) => sql`${v}::bigint`, desc: true },
  POINTS_ASC: { column: sql`m.available`, text: sql`m.available::text`, of: (v) => sql`${v}::bigint`, desc: false },
  GROWTH_DESC: { column: sql`m.growth`, text: sql`m.growth::text`, of: (v) => sql`${v}::bigint`, desc: true },
  GROWTH_ASC: { column: sql`m.growth`, text: sql`m.growth::text`, of: (v) => sql`${v}::bigint`, desc: false },
  JOINED_DESC: {
    column: sql`m.created_at`,
    text: sql`(extract(epoch FROM m.created_at) * 1000000)::bigint::text`,
    of: (v) => sql`('epoch'::timestamptz + ${v}::bigint * interval '1 microsecond')`,
    desc: true,
  },
};

/** The keyset value must be what its sort writes: an integer (joined: microseconds). */
export function validKeysetValue(value: string): boolean {
  return /^-?\d{1,19}$/.test(value);
}

/** `LIKE` with the search's own %, _ and \ taken literally. */
function prefixPattern(search: string): string {
  return `${search.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`;
}

/**
 * One page of a program's members, filtered and sorted, keyset-paged on (sort key, id). Each
 * search branch is one of 0013's prefix indexes (or the customer id's unique one), each sort one of
 * its keyset indexes, so a page costs the same on page 1 and page 1,000.
 */
export async function searchMembers(db: Db, program: Program, q: MemberQuery, now: Date): Promise<MemberSearchPage> {
  const s = SORTS[q.sort];
  const where: RawBuilder<unknown>[] = [sql`m.program_id = ${program.id}`];
  if (q.tierKey !== null) where.push(sql`m.tier_key = ${q.tierKey}`);
  if (q.search !== null) {
    const p = prefixPattern(q.search);
    where.push(sql`(m.customer_id = ${q.search}
      OR lower(m.profile->>'email') LIKE ${p}
      OR lower(m.profile->>'lastName') LIKE ${p}
      OR lower(trim(coalesce(m.profile->>'firstName', '') || ' ' || coalesce(m.profile->>'lastName', ''))) LIKE ${p})`);
  }
  if (q.after !== null)
    where.push(
      s.desc
        ? sql`(${s.column}, m.id) < (${s.of(q.after.value)}, ${q.after.id}::bigint)`
        : sql`(${s.column}, m.id) > (${s.of(q.after.value)}, ${q.after.id}::bigint)`,
    );
  const direction = sql.raw(s.desc ? "DESC" : "ASC");
  const filters = sql.join(where, sql` AND `);
  // A search finds few members: found first through its prefix indexes, then sorted. Left to
  // itself the planner may walk the sort's index hoping to meet a page of matches early, and read
  // the whole program when they are rare (p99 of 270 ms at 100,000 members).
  const { rows } = await sql<{
    id: string | number | bigint;
    customer_id: string;
    email: string | null;
    first_name: string | null;
    last_name: string | null;
    tier_key: string;
    available: string | number | bigint;
    pending: string | number | bigint;
    growth: string | number | bigint;
    created_at: Date;
    last_activity_at: Date | null;
    sort_value: string;
  }>`${q.search === null ? sql`` : sql`WITH found AS MATERIALIZED (SELECT * FROM kinship_member m WHERE ${filters}) `}
    SELECT m.id, m.customer_id, m.profile->>'email' AS email, m.profile->>'firstName' AS first_name, m.profile->>'lastName' AS last_name,
      m.tier_key, m.available, m.pending, m.growth, m.created_at, m.last_activity_at, ${s.text} AS sort_value
    FROM ${q.search === null ? sql`kinship_member m WHERE ${filters}` : sql`found m`}
    ORDER BY ${s.column} ${direction}, m.id ${direction}
    LIMIT ${q.first + 1}`.execute(db);
  const shown = rows.slice(0, q.first);
  const { config } = program;
  const start = windowStart(config.growth.window, now, config.timezone);
  const windowed = await windowGrowthOf(
    db,
    shown.map((r) => num(r.id)),
    start,
  );
  const last = shown[shown.length - 1];
  return {
    members: shown.map((r) => ({
      customerId: r.customer_id,
      email: r.email,
      name: `${r.first_name ?? ""} ${r.last_name ?? ""}`.trim() || null,
      tierKey: r.tier_key,
      available: num(r.available),
      pending: num(r.pending),
      growth: start ? (windowed.get(num(r.id)) ?? 0) : num(r.growth),
      joinedAt: r.created_at.toISOString(),
      lastActivityAt: r.last_activity_at?.toISOString() ?? null,
    })),
    next: rows.length > q.first && last ? { value: last.sort_value, id: num(last.id) } : null,
  };
}
