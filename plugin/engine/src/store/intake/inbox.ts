import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import { PREPARED } from "../db/prepared.ts";
import { type InboxStatus, type InboxTable, num } from "../db/schema.ts";

export interface Delivery {
  source: InboxTable["source"];
  programKey: string;
  /** Unique per delivery source and program: X-Shopify-Event-Id, a custom event id. */
  deliveryKey: string;
  topic: string;
  payload: string;
  meta: Record<string, unknown>;
}

export interface InboxRow extends Delivery {
  id: number;
  status: InboxStatus;
  attempts: number;
  lastError: string | null;
  receivedAt: Date;
}

export interface Received {
  id: number;
  /** A redelivery: the first one's id and status. */
  duplicate: boolean;
  status: InboxStatus;
}

/** Stores a delivery once; a redelivery returns the first one's id with `duplicate: true`. */
export async function receive(db: Db, d: Delivery, now: Date): Promise<Received> {
  return (await receiveMany(db, [{ delivery: d, now }]))[0] as Received;
}

/**
 * Stores several deliveries in one statement (one round trip, one commit), each once; answers in
 * the order given. A key given twice in one call is stored once: the second is its duplicate.
 */
export async function receiveMany(db: Db, items: { delivery: Delivery; now: Date }[]): Promise<Received[]> {
  if (items.length === 0) return [];
  const column = <T>(f: (d: Delivery) => T) => items.map((i) => f(i.delivery));
  // The one statement on the webhook request path: prepared once per connection (one text per
  // batch size). Each payload is a parameter of its own: inside a text[] parameter, pg escapes
  // every quote of a JSON body in JavaScript (70 µs for a 13 KB order) and Postgres unescapes it.
  const { rows } = await sql<{
    id: string | number | bigint;
    source: string;
    program_key: string;
    delivery_key: string;
  }>`${sql.raw(PREPARED)}
    INSERT INTO kinship_inbox (source, program_key, delivery_key, topic, payload, meta, status, received_at)
    SELECT d.source, d.program_key, d.delivery_key, d.topic, d.payload, d.meta::jsonb, 'queued', d.received_at
    FROM unnest(${column((d) => d.source)}::text[], ${column((d) => d.programKey)}::text[], ${column((d) => d.deliveryKey)}::text[],
      ${column((d) => d.topic)}::text[], ARRAY[${sql.join(column((d) => d.payload))}]::text[], ${column((d) => JSON.stringify(d.meta))}::text[],
      ${items.map((i) => i.now.toISOString())}::timestamptz[])
      WITH ORDINALITY AS d(source, program_key, delivery_key, topic, payload, meta, received_at, n)
    ORDER BY d.n
    ON CONFLICT (source, program_key, delivery_key) DO NOTHING
    RETURNING id, source, program_key, delivery_key`.execute(db);
  const keyOf = (source: string, program: string, delivery: string) => JSON.stringify([source, program, delivery]);
  const inserted = new Map(rows.map((r) => [keyOf(r.source, r.program_key, r.delivery_key), num(r.id)]));
  const claimed = new Set<string>();
  const out: (Received | null)[] = items.map(({ delivery: d }) => {
    const key = keyOf(d.source, d.programKey, d.deliveryKey);
    const id = inserted.get(key);
    if (id === undefined || claimed.has(key)) return null;
    claimed.add(key);
    return { id, duplicate: false, status: "queued" };
  });
  const missing = items.filter((_, i) => out[i] === null).map((i) => i.delivery);
  if (missing.length === 0) return out as Received[];
  const existing = await sql<{
    id: string | number | bigint;
    source: string;
    program_key: string;
    delivery_key: string;
    status: InboxStatus;
  }>`
    SELECT i.id, i.source, i.program_key, i.delivery_key, i.status FROM kinship_inbox i
    JOIN unnest(${missing.map((d) => d.source)}::text[], ${missing.map((d) => d.programKey)}::text[], ${missing.map((d) => d.deliveryKey)}::text[])
      AS d(source, program_key, delivery_key)
      ON i.source = d.source AND i.program_key = d.program_key AND i.delivery_key = d.delivery_key`.execute(db);
  const found = new Map(existing.rows.map((r) => [keyOf(r.source, r.program_key, r.delivery_key), r]));
  return items.map(({ delivery: d }, i) => {
    const done = out[i];
    if (done) return done;
    const row = found.get(keyOf(d.source, d.programKey, d.deliveryKey));
    if (!row) throw new Error(`inbox: delivery ${d.deliveryKey} of ${d.programKey} was neither stored nor found`);
    return { id: num(row.id), duplicate: true, status: row.status };
  });
}

function toRow(r: {
  id: string | number | bigint;
  source: InboxTable["source"];
  program_key: string;
  delivery_key: string;
  topic: string;
  payload: string | null;
  meta: unknown;
  status: InboxStatus;
  attempts: number;
  last_error: string | null;
  received_at: Date;
}): InboxRow {
  return {
    id: num(r.id),
    source: r.source,
    programKey: r.program_key,
    deliveryKey: r.delivery_key,
    topic: r.topic,
    payload: r.payload ?? "",
    meta: (r.meta ?? {}) as Record<string, unknown>,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    receivedAt: r.received_at,
  };
}

export async function inboxRow(db: Db, id: number): Promise<InboxRow | null> {
  return (await inboxRows(db, [id]))[0] ?? null;
}

/** Several rows in one round trip, in id order; ids not found are left out. */
export async function inboxRows(db: Db, ids: number[]): Promise<InboxRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<Parameters<typeof toRow>[0]>`${sql.raw(PREPARED)}
    SELECT id, source, program_key, delivery_key, topic, payload, meta, status, attempts, last_error, received_at
    FROM kinship_inbox WHERE id = ANY(${ids}::bigint[]) ORDER BY id`.execute(db);
  return rows.map(toRow);
}

/** A delivery's final outcome; a dead letter's note is why it died. */
export interface Settled {
  id: number;
  status: Exclude<InboxStatus, "queued">;
  note: string | null;
}

/**
 * Final outcome of a delivery; only a queued delivery is settled, so a late failure of a second
 * run can never turn an applied delivery into a dead letter. The raw body is dropped once
 * applied: it may hold personal data.
 */
export async function settle(db: Db, id: number, status: Settled["status"], error: string | null, now: Date): Promise<void> {
  await settleMany(db, [{ id, status, note: error }], now);
}

/** settle for several rows in one statement (a worker's group, inside its transaction). */
export async function settleMany(db: Db, outcomes: Settled[], now: Date): Promise<void> {
  if (outcomes.length === 0) return;
  // A dead letter keeps its payload for the replay; a settled delivery drops it.
  await sql`${sql.raw(PREPARED)}
    UPDATE kinship_inbox i SET status = o.status, last_error = o.note, processed_at = ${now},
      payload = CASE WHEN o.status = 'dead' THEN i.payload END
    FROM unnest(${outcomes.map((o) => o.id)}::bigint[], ${outcomes.map((o) => o.status)}::text[], ${outcomes.map((o) => o.note)}::text[])
      AS o(id, status, note)
    WHERE i.id = o.id AND i.status = 'queued'`.execute(db);
}

export async function recordAttempt(db: Db, id: number, error: string): Promise<void> {
  await db
    .updateTable("kinship_inbox")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), last_error: error }))
    .where("id", "=", id)
    .execute();
}

/** Deliveries still waiting (e.g. their queue job was lost with Redis): the inbox is the truth. */
export async function queuedIds(db: Db, receivedBefore: Date, limit = 1000, afterId = 0): Promise<number[]> {
  const rows = await db
    .selectFrom("kinship_inbox")
    .select("id")
    .where("status", "=", "queued")
    .where("received_at", "<", receivedBefore)
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => num(r.id));
}

export async function deadLetters(db: Db, programKey?: string, limit = 100): Promise<InboxRow[]> {
  let q = db.selectFrom("kinship_inbox").selectAll().where("status", "=", "dead");
  if (programKey) q = q.where("program_key", "=", programKey);
  return (await q.orderBy("id").limit(limit).execute()).map(toRow);
}

/** Puts dead letters back in line (only `programKey`'s when given); returns the ids to enqueue. */
export async function requeueDead(db: Db, ids: number[] | "all", programKey?: string): Promise<number[]> {
  let q = db.updateTable("kinship_inbox").set({ status: "queued", attempts: 0, processed_at: null }).where("status", "=", "dead");
  if (programKey) q = q.where("program_key", "=", programKey);
  if (ids !== "all") {
    if (ids.length === 0) return [];
    q = q.where("id", "in", ids);
  }
  return (await q.returning("id").execute()).map((r) => num(r.id));
}

export async function inboxCounts(db: Db): Promise<Record<InboxStatus, number>> {
  const rows = await db
    .selectFrom("kinship_inbox")
    .select(["status", sql<string>`count(*)`.as("n")])
    .groupBy("status")
    .execute();
  const out: Record<InboxStatus, number> = { queued: 0, applied: 0, ignored: 0, dead: 0 };
  for (const r of rows) out[r.status] = num(r.n);
  return out;
}

/** The status of a delivery already received under this key, or null (lets a host skip loading what it already took). */
export async function deliveryStatus(
  db: Db,
  source: InboxTable["source"],
  programKey: string,
  deliveryKey: string,
): Promise<InboxStatus | null> {
  const row = await db
    .selectFrom("kinship_inbox")
    .select("status")
    .where("source", "=", source)
    .where("program_key", "=", programKey)
    .where("delivery_key", "=", deliveryKey)
    .executeTakeFirst();
  return row?.status ?? null;
}
