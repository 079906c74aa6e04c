import { sql } from "kysely";
import { type EngineError, ok, type Result } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { findProgram } from "../programs/programs.ts";

export const SEGMENT_PLATFORMS = ["shopify", "medusa"] as const;
export type SegmentPlatform = (typeof SEGMENT_PLATFORMS)[number];

/** A push request or record the engine refused: nothing was read or written. */
export interface SegmentPushError {
  code: "InvalidSegmentPush";
  message: string;
  issues: string[];
}

export function segmentPushRefused(error: SegmentPushError): Result<never, SegmentPushError> {
  return { ok: false, error };
}

export interface SegmentChangeOptions {
  /** Changes per batch (1–1000, default 250). */
  limit?: number;
  /** The `next` of the previous batch: members after it (keyset). */
  after?: string | null;
}

/** One member whose labels on the platform must change. */
export interface SegmentChange {
  customerId: string;
  /** What the member should carry now (sorted): what `pushed` records once the platform has it. */
  labels: string[];
  add: string[];
  /** Only labels Kinship pushed before: never anything else on the customer. */
  remove: string[];
  /** Shopify with metafields: the kinship.segment value to write; null when none should be there. */
  segment: string | null;
  /** The segment metafield Kinship wrote last (to delete when `segment` becomes null). */
  pushedSegment: string | null;
  /** Recency, frequency and monetary scores (1–5, 5 best), written with the segment; null with no order. */
  rfm: { r: number; f: number; m: number } | null;
  /** When this state was read: pass it back to `pushed`. */
  version: number;
}

export interface SegmentChanges {
  changes: SegmentChange[];
  /** Where the next batch starts; null when this one reached the end of the program's members. */
  next: string | null;
}

/** Members looked at per batch: a batch costs at most this many, changed or not. */
const SCAN_WINDOW = 5000;

interface Row {
  member_id: string | number | bigint | null;
  customer_id: string;
  labels: string[];
  pushed: string[];
  field: string | null;
  pushed_field: string | null;
  recency: number | null;
  frequency: number | null;
  monetary: number | null;
  /** The window's last member id and how many it held. */
  last: string | number | bigint | null;
  scanned: string | number | bigint;
}

/**
 * The program's members whose wanted labels differ from what was last pushed to `platform`, in one
 * SQL pass over the members in id order: each batch looks at a window of members (keyset: pass
 * `next` back as `after`; a batch may hold no change while `next` goes on, null at the end). Wanted:
 * `<prefix><segment>` for a chosen segment, `<prefix>tier-<tier>` with `tiers`; nothing while the
 * sync is off, so everything Kinship pushed comes back as a removal. A member with no insight yet
 * has no segment.
 */
export async function segmentChanges(
  db: Db,
  programKey: string,
  platform: SegmentPlatform,
  options: SegmentChangeOptions,
  now: Date,
): Promise<Result<SegmentChanges, EngineError | SegmentPushError>> {
  const issues: string[] = [];
  if (!SEGMENT_PLATFORMS.includes(platform)) issues.push(`platform: expected one of ${SEGMENT_PLATFORMS.join(", ")}`);
  const limit = options.limit ?? 250;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000) issues.push("limit: expected an integer from 1 to 1000");
  const after = options.after ?? "0";
  if (!/^\d{1,18}$/.test(after)) issues.push("after: expected the `next` of a previous batch");
  if (issues.length > 0)
    return segmentPushRefused({ code: "InvalidSegmentPush", message: `invalid segment changes request: ${issues.join("; ")}`, issues });
  const program = await findProgram(db, programKey);
  if (!program.ok) return program;
  const sync = program.value.config.segmentSync;
  const segments = sync.segments;
  const tiers = sync.tiers;
  const metafields = sync.metafields && platform === "shopify";
  const prefix = sync.tagPrefix;

  const programId = program.value.id;
  const { rows } = await (sync.enabled
    ? // A window of members from `after` (by id), joined to their insight and last push; the changed ones.
      sql<Row>`
    WITH scanned AS (
      SELECT m.id, m.customer_id, m.tier_key FROM kinship_member m
       WHERE m.program_id = ${programId} AND m.id > ${after}::bigint
       ORDER BY m.id LIMIT ${SCAN_WINDOW}
    ), want AS (
      SELECT s.id AS member_id, s.customer_id, i.recency, i.frequency, i.monetary,
             array_remove(ARRAY[
               CASE WHEN i.segment = ANY(${segments}::text[]) THEN ${prefix} || i.segment END,
               CASE WHEN ${tiers} THEN ${prefix} || 'tier-' || s.tier_key END], NULL) AS labels,
             CASE WHEN ${metafields} AND i.segment = ANY(${segments}::text[]) THEN i.segment END AS field
        FROM scanned s
        -- LIMIT 1 keeps these lookups per member (by primary key): a hash join would read the whole table per window.
        LEFT JOIN LATERAL (SELECT segment, recency, frequency, monetary FROM kinship_member_insight WHERE member_id = s.id LIMIT 1) i ON true
    )
    SELECT w.member_id, w.customer_id, w.labels, coalesce(p.labels, '{}') AS pushed, w.field, p.segment AS pushed_field,
           w.recency, w.frequency, w.monetary, x.last, x.scanned
      FROM (SELECT max(id) AS last, count(*) AS scanned FROM scanned) x
      LEFT JOIN (want w
        LEFT JOIN LATERAL (SELECT labels, segment FROM kinship_segment_push
                            WHERE member_id = w.member_id AND platform = ${platform} LIMIT 1) p ON true)
        ON NOT (w.labels @> coalesce(p.labels, '{}') AND coalesce(p.labels, '{}') @> w.labels)
           OR w.field IS DISTINCT FROM p.segment
     ORDER BY w.member_id
     LIMIT ${limit}`
    : // Off: nothing is wanted, so only members Kinship still has labels on need a change (no scan of the others).
      sql<Row>`
    SELECT p.member_id, m.customer_id, '{}'::text[] AS labels, p.labels AS pushed, NULL::text AS field, p.segment AS pushed_field,
           NULL::smallint AS recency, NULL::smallint AS frequency, NULL::smallint AS monetary, NULL AS last, 0 AS scanned
      FROM kinship_segment_push p
      JOIN kinship_member m ON m.id = p.member_id
     WHERE p.program_id = ${programId} AND p.platform = ${platform} AND p.member_id > ${after}::bigint
       AND (p.labels <> '{}' OR p.segment IS NOT NULL)
     ORDER BY p.member_id
     LIMIT ${limit}`
  ).execute(db);
  // The window's one row with no change (member_id null) says only how far it reached.
  const changed = rows.filter((r) => r.member_id !== null);

  const version = now.getTime();
  const changes = changed.map((r): SegmentChange => {
    const pushed = new Set(r.pushed);
    const wanted = new Set(r.labels);
    return {
      customerId: r.customer_id,
      labels: [...r.labels].sort(),
      add: r.labels.filter((l) => !pushed.has(l)),
      remove: [...pushed].filter((l) => !wanted.has(l)).sort(),
      segment: r.field,
      pushedSegment: r.pushed_field,
      rfm:
        r.field !== null && r.recency !== null && r.frequency !== null && r.monetary !== null
          ? { r: r.recency, f: r.frequency, m: r.monetary }
          : null,
      version,
    };
  });
  const lastChanged = changed.at(-1);
  if (changed.length === limit && lastChanged) return ok({ changes, next: String(lastChanged.member_id) });
  const window = rows[0];
  const reachedEnd = !sync.enabled || !window || Number(window.scanned) < SCAN_WINDOW;
  return ok({ changes, next: reachedEnd ? null : String(window.last) });
}
