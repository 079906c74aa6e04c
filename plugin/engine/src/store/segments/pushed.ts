import { sql } from "kysely";
import { type EngineError, ok, type Result } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { findProgram } from "../programs/programs.ts";
import { SEGMENT_PLATFORMS, type SegmentPlatform, type SegmentPushError, segmentPushRefused } from "./changes.ts";

/** What the platform now carries for a customer, as `changes` handed it out. */
export interface SegmentPushed {
  customerId: string;
  labels: readonly string[];
  /** The kinship.segment metafield written (Shopify); null or left out when there is none. */
  segment?: string | null;
  version: number;
}

const MAX_BATCH = 1000;

/**
 * Records what the platform accepted, in one statement. Idempotent: recording the same push again
 * changes nothing; a push whose version is older than the one recorded is ignored (it read an
 * older state). Customers with no member (erased since) are skipped. A bad item records nothing.
 */
export async function recordSegmentPush(
  db: Db,
  programKey: string,
  platform: SegmentPlatform,
  pushed: readonly SegmentPushed[],
  now: Date,
): Promise<Result<{ recorded: number }, EngineError | SegmentPushError>> {
  const issues = pushIssues(platform, pushed);
  if (issues.length > 0)
    return segmentPushRefused({ code: "InvalidSegmentPush", message: `invalid segment push: ${issues.join("; ")}`, issues });
  const program = await findProgram(db, programKey);
  if (!program.ok) return program;
  if (pushed.length === 0) return ok({ recorded: 0 });
  // Twice the same customer in one batch: the newest version stands.
  const latest = new Map<string, SegmentPushed>();
  for (const p of pushed) {
    const seen = latest.get(p.customerId);
    if (!seen || seen.version <= p.version) latest.set(p.customerId, p);
  }
  const rows = [...latest.values()].map((p) => ({
    customer_id: p.customerId,
    labels: [...new Set(p.labels)].sort(),
    segment: p.segment ?? null,
    version: p.version,
  }));
  const r = await sql`
    INSERT INTO kinship_segment_push AS p (member_id, platform, program_id, labels, segment, version, pushed_at)
    SELECT m.id, ${platform}, m.program_id, x.labels, x.segment, x.version, ${now}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(customer_id text, labels text[], segment text, version bigint)
      JOIN kinship_member m ON m.program_id = ${program.value.id} AND m.customer_id = x.customer_id
    ON CONFLICT (member_id, platform) DO UPDATE
       SET labels = excluded.labels, segment = excluded.segment, version = excluded.version, pushed_at = excluded.pushed_at
     WHERE p.version < excluded.version
        OR (p.version = excluded.version AND (p.labels <> excluded.labels OR p.segment IS DISTINCT FROM excluded.segment))`.execute(db);
  return ok({ recorded: Number(r.numAffectedRows ?? 0) });
}

function pushIssues(platform: SegmentPlatform, pushed: readonly SegmentPushed[]): string[] {
  const issues: string[] = [];
  if (!SEGMENT_PLATFORMS.includes(platform)) issues.push(`platform: expected one of ${SEGMENT_PLATFORMS.join(", ")}`);
  if (!Array.isArray(pushed)) return [...issues, "expected a list of pushes"];
  if (pushed.length > MAX_BATCH) issues.push(`at most ${MAX_BATCH} pushes at once`);
  pushed.forEach((p, i) => {
    if (typeof p?.customerId !== "string" || p.customerId === "") issues.push(`[${i}] customerId: expected a non-empty string`);
    if (!Array.isArray(p?.labels) || (p.labels as unknown[]).some((l) => typeof l !== "string" || l === "" || l.length > 255))
      issues.push(`[${i}] labels: expected a list of non-empty strings of at most 255 characters`);
    if (p?.segment !== undefined && p.segment !== null && typeof p.segment !== "string")
      issues.push(`[${i}] segment: expected a string or null`);
    if (!Number.isSafeInteger(p?.version) || p.version < 0) issues.push(`[${i}] version: expected the version \`changes\` gave`);
  });
  return issues;
}
