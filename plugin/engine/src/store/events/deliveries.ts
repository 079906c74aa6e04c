import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import {
  DELIVERY_MAX_ATTEMPTS,
  DELIVERY_STATUSES,
  type DeliveryStatus,
  type EngineError,
  err,
  ok,
  type Result,
  retryDelayMs,
  SINK_KINDS,
  type SinkKind,
} from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import { findProgram } from "../programs/programs.ts";
import type { TokenCipher } from "../programs/token-cipher.ts";
import { openSecret } from "./sinks.ts";

/** One event on its way to one sink, held under a lease (`claim`) by whoever claimed it. */
export interface EventDelivery {
  id: string;
  claim: string;
  sinkId: string;
  kind: SinkKind;
  /** The webhook endpoint's URL and signing secret (null for flow/medusa; secret null when it cannot be opened). */
  url: string | null;
  secret: string | null;
  /** The outbox id: the same for every sink, stable across attempts (the receiver's dedupe key). */
  eventId: string;
  eventKey: string;
  topic: string;
  customerId: string | null;
  payload: Record<string, unknown>;
  occurredAt: Date;
  /** Failed attempts so far. */
  attempts: number;
}

export interface DeliveryOutcome {
  id: string;
  claim: string;
  delivered: boolean;
  /** The receiver's HTTP status; null or absent when it timed out or was not reached. */
  status?: number | null;
  /** Why it failed (required when not delivered). */
  error?: string;
}

export interface ClaimDeliveriesOptions {
  limit?: number;
  leaseMs?: number;
}

export interface SettleOptions {
  maxAttempts?: number;
  /** [0, 1): the backoff's jitter; Math.random by default. */
  random?: () => number;
}

/** A delivery as its log shows it. */
export interface DeliveryRecord {
  id: string;
  sinkId: string;
  kind: SinkKind;
  eventId: string;
  eventKey: string;
  topic: string;
  customerId: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  /** When it is next tried (null once delivered or dead). */
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  occurredAt: Date;
  createdAt: Date;
  payload: Record<string, unknown>;
}

export interface DeliveriesQuery {
  sinkId?: string | undefined;
  kind?: SinkKind | undefined;
  status?: DeliveryStatus | undefined;
  first?: number | undefined;
  /** A page's nextCursor: deliveries older than it. */
  after?: string | undefined;
}

export interface DeliveryPage {
  deliveries: DeliveryRecord[];
  nextCursor: string | null;
}

const ID = /^[1-9][0-9]{0,17}$/;

function jsonOf(v: unknown): Record<string, unknown> {
  return (typeof v === "string" ? JSON.parse(v) : v) as Record<string, unknown>;
}

async function programId(db: Db, program: string): Promise<number> {
  const found = await findProgram(db, program);
  if (!found.ok) throw new Error(found.error.message);
  return found.value.id;
}

/**
 * Leases the program's due deliveries to sinks of one kind, oldest event first, and commits: one
 * statement stamps a fresh claim and a lease (FOR UPDATE SKIP LOCKED, then the live lease keeps
 * them), so two claimers never hold the same delivery. A member's delivery is not due while an
 * earlier event of the same member to the same sink is still undelivered and not dead (waiting
 * for a retry, or leased): each sink sees each member's events in order.
 */
export async function claimDeliveries(
  db: Db,
  cipher: TokenCipher | null,
  program: string,
  kind: SinkKind,
  now: Date,
  options: ClaimDeliveriesOptions = {},
): Promise<EventDelivery[]> {
  if (!SINK_KINDS.includes(kind)) throw new Error(`claimDeliveries: unknown sink kind ${String(kind)}`);
  const { limit = 100, leaseMs = 60_000 } = options;
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`claimDeliveries: limit must be a positive integer, not ${limit}`);
  if (!Number.isInteger(leaseMs) || leaseMs < 1) throw new Error(`claimDeliveries: leaseMs must be a positive integer, not ${leaseMs}`);
  const pid = await programId(db, program);
  const claim = randomUUID();
  const { rows } = await sql<{
    id: string;
    sink_id: string;
    url: string | null;
    secret: string | null;
    event_id: string;
    event_key: string;
    topic: string;
    customer_id: string | null;
    payload: unknown;
    occurred_at: Date;
    attempts: number;
  }>`
    WITH due AS (
      SELECT d.id FROM kinship_event_delivery d JOIN kinship_event_sink s ON s.id = d.sink_id
      WHERE d.program_id = ${pid} AND s.kind = ${kind} AND s.enabled AND d.status IN ('pending', 'retrying')
        AND d.next_attempt_at <= ${now} AND (d.claimed_until IS NULL OR d.claimed_until <= ${now})
        AND NOT EXISTS (
          SELECT 1 FROM kinship_event_delivery e
          WHERE e.sink_id = d.sink_id AND e.customer_id = d.customer_id AND e.status IN ('pending', 'retrying') AND e.event_id < d.event_id)
      ORDER BY d.event_id LIMIT ${limit} FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE kinship_event_delivery d SET claim_token = ${claim}, claimed_until = ${new Date(now.getTime() + leaseMs)}
    FROM due, kinship_event_sink s WHERE d.id = due.id AND s.id = d.sink_id
    RETURNING d.id::text AS id, d.sink_id::text AS sink_id, s.url, s.secret, d.event_id::text AS event_id, d.event_key, d.topic,
      d.customer_id, d.payload, d.occurred_at, d.attempts`.execute(db);
  return rows
    .map((r) => ({
      id: r.id,
      claim,
      sinkId: r.sink_id,
      kind,
      url: r.url,
      secret: r.secret === null ? null : openSecret(cipher, pid, r.secret),
      eventId: r.event_id,
      eventKey: r.event_key,
      topic: r.topic,
      customerId: r.customer_id,
      payload: jsonOf(r.payload),
      occurredAt: r.occurred_at,
      attempts: num(r.attempts),
    }))
    .sort((a, b) => (BigInt(a.eventId) < BigInt(b.eventId) ? -1 : BigInt(a.eventId) > BigInt(b.eventId) ? 1 : 0));
}

/**
 * Records what became of claimed deliveries, in one transaction. Only deliveries still under the
 * claim they were handed out with are touched (a lease that ran out and went to another claimer is
 * that claimer's). A failure counts an attempt and waits with exponential backoff and jitter;
 * the `maxAttempts`-th failure makes it dead (the dead-letter list, until replayed).
 */
export async function settleDeliveries(
  db: Db,
  program: string,
  now: Date,
  outcomes: readonly DeliveryOutcome[],
  options: SettleOptions = {},
): Promise<void> {
  const seen = new Set<string>();
  for (const o of outcomes) {
    if (!ID.test(o.id) || typeof o.claim !== "string")
      throw new Error(`settleDeliveries: ${JSON.stringify(o.id)} is not a claimed delivery`);
    if (seen.has(o.id)) throw new Error(`settleDeliveries: delivery ${o.id} is settled twice in one call`);
    seen.add(o.id);
    if (!o.delivered && !o.error) throw new Error(`settleDeliveries: delivery ${o.id} failed without an error`);
  }
  if (outcomes.length === 0) return;
  const pid = await programId(db, program);
  const { maxAttempts = DELIVERY_MAX_ATTEMPTS, random = Math.random } = options;
  const delivered = outcomes.filter((o) => o.delivered);
  const failed = outcomes.filter((o) => !o.delivered);
  await db.transaction().execute(async (trx) => {
    if (delivered.length > 0)
      await sql`UPDATE kinship_event_delivery d SET status = 'delivered', delivered_at = ${now}, last_status = v.status,
          claim_token = NULL, claimed_until = NULL
        FROM unnest(${delivered.map((o) => o.id)}::bigint[], ${delivered.map((o) => o.claim)}::text[],
                    ${delivered.map((o) => o.status ?? null)}::int[]) AS v(id, claim, status)
        WHERE d.id = v.id AND d.program_id = ${pid} AND d.claim_token = v.claim`.execute(trx);
    if (failed.length > 0) {
      const { rows } = await sql<{ id: string; attempts: number }>`SELECT id::text AS id, attempts FROM kinship_event_delivery
        WHERE id = ANY(${failed.map((o) => o.id)}::bigint[]) AND program_id = ${pid}`.execute(trx);
      const attemptsOf = new Map(rows.map((r) => [r.id, num(r.attempts) + 1]));
      const due = failed.map((o) => {
        const attempts = attemptsOf.get(o.id) ?? 1;
        return new Date(now.getTime() + retryDelayMs(attempts, random())).toISOString();
      });
      await sql`UPDATE kinship_event_delivery d SET attempts = d.attempts + 1,
          status = CASE WHEN d.attempts + 1 >= ${maxAttempts} THEN 'dead' ELSE 'retrying' END,
          next_attempt_at = v.next_at, last_status = v.status, last_error = v.error, claim_token = NULL, claimed_until = NULL
        FROM unnest(${failed.map((o) => o.id)}::bigint[], ${failed.map((o) => o.claim)}::text[], ${failed.map((o) => o.status ?? null)}::int[],
                    ${failed.map((o) => (o.error ?? "").slice(0, 2000))}::text[], ${due}::timestamptz[]) AS v(id, claim, status, error, next_at)
        WHERE d.id = v.id AND d.program_id = ${pid} AND d.claim_token = v.claim`.execute(trx);
    }
  });
}

/** Dead deliveries of the program back in line (attempts reset, due at once); answers how many. Others are left alone. */
export async function replayDeliveries(db: Db, program: string, ids: readonly string[]): Promise<number> {
  const wanted = ids.filter((id) => ID.test(id));
  if (wanted.length === 0) return 0;
  const pid = await programId(db, program);
  const r = await sql`UPDATE kinship_event_delivery SET status = 'pending', attempts = 0, next_attempt_at = created_at,
      claim_token = NULL, claimed_until = NULL
    WHERE program_id = ${pid} AND id = ANY(${wanted}::bigint[]) AND status = 'dead'`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** How long a delivered delivery stays in the log; dead ones stay until replayed or their sink goes. */
export const DELIVERED_KEPT_DAYS = 30;

/**
 * Drops the program's deliveries delivered more than DELIVERED_KEPT_DAYS before `now`, oldest
 * first, at most `limit` (the log index walks from the oldest id); answers how many went. Only
 * delivered ones: a member's order and the dead-letter list never depend on them.
 */
export async function pruneDeliveries(db: Db, program: string, now: Date, limit = 5_000): Promise<number> {
  const pid = await programId(db, program);
  const before = new Date(now.getTime() - DELIVERED_KEPT_DAYS * 86_400_000);
  const r = await sql`DELETE FROM kinship_event_delivery WHERE id IN (
      SELECT id FROM kinship_event_delivery WHERE program_id = ${pid} AND status = 'delivered' AND delivered_at < ${before}
      ORDER BY id LIMIT ${limit})`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** The program's deliveries, newest first, a page at a time (keyset on the delivery id). */
export async function listDeliveries(db: Db, program: string, query: DeliveriesQuery = {}): Promise<Result<DeliveryPage, EngineError>> {
  const found = await findProgram(db, program);
  if (!found.ok) return found;
  const first = query.first ?? 50;
  const issues: string[] = [];
  if (!Number.isInteger(first) || first < 1 || first > 200) issues.push("first: 1 to 200");
  const after = query.after === undefined ? null : decodeDeliveryCursor(query.after);
  if (query.after !== undefined && after === null) issues.push("after: not a cursor of this list");
  if (query.sinkId !== undefined && !ID.test(query.sinkId)) issues.push("endpointId: not an id");
  if (query.status !== undefined && !DELIVERY_STATUSES.includes(query.status))
    issues.push(`status: one of ${DELIVERY_STATUSES.join(", ")}`);
  if (query.kind !== undefined && !SINK_KINDS.includes(query.kind)) issues.push(`kind: one of ${SINK_KINDS.join(", ")}`);
  if (issues.length > 0) return err({ code: "InvalidEvent", message: `deliveries query refused: ${issues.join("; ")}`, issues });
  const { rows } = await sql<{
    id: string;
    sink_id: string;
    kind: SinkKind;
    event_id: string;
    event_key: string;
    topic: string;
    customer_id: string | null;
    status: DeliveryStatus;
    attempts: number;
    last_status: number | null;
    last_error: string | null;
    next_attempt_at: Date;
    delivered_at: Date | null;
    occurred_at: Date;
    created_at: Date;
    payload: unknown;
  }>`SELECT d.id::text AS id, d.sink_id::text AS sink_id, s.kind, d.event_id::text AS event_id, d.event_key, d.topic, d.customer_id,
      d.status, d.attempts, d.last_status, d.last_error, d.next_attempt_at, d.delivered_at, d.occurred_at, d.created_at, d.payload
    FROM kinship_event_delivery d JOIN kinship_event_sink s ON s.id = d.sink_id
    WHERE d.program_id = ${found.value.id}
      ${query.sinkId !== undefined ? sql`AND d.sink_id = ${query.sinkId}::bigint` : sql``}
      ${query.kind !== undefined ? sql`AND s.kind = ${query.kind}` : sql``}
      ${query.status !== undefined ? sql`AND d.status = ${query.status}` : sql``}
      ${after !== null ? sql`AND d.id < ${after}::bigint` : sql``}
    ORDER BY d.id DESC LIMIT ${first + 1}`.execute(db);
  const page = rows.slice(0, first).map(
    (r): DeliveryRecord => ({
      id: r.id,
      sinkId: r.sink_id,
      kind: r.kind,
      eventId: r.event_id,
      eventKey: r.event_key,
      topic: r.topic,
      customerId: r.customer_id,
      status: r.status,
      attempts: num(r.attempts),
      lastStatus: r.last_status === null ? null : num(r.last_status),
      lastError: r.last_error,
      nextAttemptAt: r.status === "pending" || r.status === "retrying" ? r.next_attempt_at : null,
      deliveredAt: r.delivered_at,
      occurredAt: r.occurred_at,
      createdAt: r.created_at,
      payload: jsonOf(r.payload),
    }),
  );
  const last = page.at(-1);
  return ok({ deliveries: page, nextCursor: rows.length > first && last ? encodeDeliveryCursor(last.id) : null });
}

export function encodeDeliveryCursor(id: string): string {
  return Buffer.from(`delivery:${id}`, "utf8").toString("base64url");
}

export function decodeDeliveryCursor(cursor: string): string | null {
  const m = /^delivery:([1-9][0-9]{0,17})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return m ? (m[1] as string) : null;
}
