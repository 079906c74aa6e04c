import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { checkEndpoint, type EngineError, EVENT_TOPICS, err, isEventTopic, ok, type Result, type SinkKind } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { findProgram } from "../programs/programs.ts";
import type { TokenCipher } from "../programs/token-cipher.ts";

/** A webhook endpoint as the owner sees it: never its secret. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  topics: string[];
  description: string | null;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The signing secret is only ever answered here, when it is made or rotated. */
export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

interface Actor {
  program: string;
  actor: string;
  now: Date;
}

export interface CreateEndpointInput extends Actor {
  url: string;
  topics: readonly string[];
  description?: string | null;
  /** A retry under the same key answers the endpoint (and secret) it made; under another endpoint's settings, IdempotencyKeyReused. */
  idempotencyKey?: string | null;
}

export interface UpdateEndpointInput extends Actor {
  id: string;
  url?: string;
  topics?: readonly string[];
  description?: string | null;
  enabled?: boolean;
}

const PLAIN_SECRET = /^whsec_[A-Za-z0-9_-]{43}$/;

/** A new signing secret: 32 random bytes, `whsec_` + base64url. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

function secretContext(programId: number): string {
  return `webhook-secret:${programId}`;
}

/** The secret as stored: sealed when the engine holds a token key, else as it is (the API never reads it back). */
export function storedSecret(cipher: TokenCipher | null, programId: number, secret: string): string {
  return cipher ? cipher.seal(secret, secretContext(programId)) : secret;
}

/** The stored secret opened, or null when it is sealed and this engine has no (or another) key. */
export function openSecret(cipher: TokenCipher | null, programId: number, stored: string): string | null {
  if (PLAIN_SECRET.test(stored)) return stored;
  if (!cipher) return null;
  try {
    return cipher.open(stored, secretContext(programId));
  } catch {
    return null;
  }
}

interface SinkRow {
  id: string;
  url: string;
  topics: string[];
  description: string | null;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
}

function toEndpoint(r: SinkRow): WebhookEndpoint {
  return {
    id: String(r.id),
    url: r.url,
    topics: [...r.topics],
    description: r.description,
    enabled: r.enabled,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const ENDPOINT_COLUMNS = sql`id::text AS id, url, topics, description, enabled, created_at, updated_at`;

export async function listEndpoints(db: Db, program: string): Promise<Result<WebhookEndpoint[], EngineError>> {
  const found = await findProgram(db, program);
  if (!found.ok) return found;
  const { rows } = await sql<SinkRow>`SELECT ${ENDPOINT_COLUMNS} FROM kinship_event_sink
    WHERE program_id = ${found.value.id} AND kind = 'webhook' ORDER BY id`.execute(db);
  return ok(rows.map(toEndpoint));
}

export async function createEndpoint(
  db: Db,
  cipher: TokenCipher | null,
  input: CreateEndpointInput,
): Promise<Result<EndpointWithSecret, EngineError>> {
  const checked = checkEndpoint({ url: input.url, topics: input.topics, description: input.description ?? null });
  if (!checked.ok) return checked;
  const found = await findProgram(db, input.program);
  if (!found.ok) return found;
  const programId = found.value.id;
  const { url, topics, description } = checked.value;
  const key = input.idempotencyKey ?? null;
  const secret = newSigningSecret();
  return db.transaction().execute(async (trx): Promise<Result<EndpointWithSecret, EngineError>> => {
    const { rows } =
      await sql<SinkRow>`INSERT INTO kinship_event_sink (program_id, kind, url, secret, topics, description, enabled, created_at, updated_at, create_key)
      VALUES (${programId}, 'webhook', ${url}, ${storedSecret(cipher, programId, secret)}, ${topics}::text[], ${description ?? null}, true, ${input.now}, ${input.now}, ${key})
      ON CONFLICT (program_id, create_key) WHERE create_key IS NOT NULL DO NOTHING
      RETURNING ${ENDPOINT_COLUMNS}`.execute(trx);
    const made = rows[0];
    if (made) {
      const e = toEndpoint(made);
      await audit(trx, programId, input, "webhook.create", e.id, null, e);
      return ok({ endpoint: e, secret });
    }
    // Create's input requires url and topics, so the checked values are there.
    return createdBefore(trx, cipher, programId, key as string, {
      url: url as string,
      topics: topics ?? [],
      description: description ?? null,
    });
  });
}

/** The endpoint a create under `key` made, if this retry asks for the same one; its secret opened again for the client that lost the answer. */
async function createdBefore(
  db: Db,
  cipher: TokenCipher | null,
  programId: number,
  key: string,
  asked: { url: string; topics: readonly string[]; description: string | null },
): Promise<Result<EndpointWithSecret, EngineError>> {
  const { rows } = await sql<SinkRow & { secret: string }>`SELECT ${ENDPOINT_COLUMNS}, secret FROM kinship_event_sink
    WHERE program_id = ${programId} AND create_key = ${key}`.execute(db);
  const row = rows[0];
  const same =
    row &&
    row.url === asked.url &&
    row.description === asked.description &&
    [...row.topics].sort().join() === [...asked.topics].sort().join();
  if (!row || !same)
    return err({ code: "IdempotencyKeyReused", message: `idempotencyKey ${key} was already used for another endpoint`, key });
  const secret = openSecret(cipher, programId, row.secret);
  if (secret === null)
    return err({
      code: "IdempotencyKeyReused",
      message: `idempotencyKey ${key} made an endpoint whose secret this engine cannot open`,
      key,
    });
  return ok({ endpoint: toEndpoint(row), secret });
}

export async function updateEndpoint(db: Db, input: UpdateEndpointInput): Promise<Result<WebhookEndpoint, EngineError>> {
  const checked = checkEndpoint({ url: input.url, topics: input.topics, description: input.description });
  if (!checked.ok) return checked;
  const found = await findProgram(db, input.program);
  if (!found.ok) return found;
  const programId = found.value.id;
  const c = checked.value;
  return db.transaction().execute(async (trx) => {
    const before = await lockedEndpoint(trx, programId, input.id);
    if (!before) return unknownEndpoint(input.id);
    const { rows } = await sql<SinkRow>`UPDATE kinship_event_sink SET
        url = ${c.url ?? before.url}, topics = ${c.topics ?? before.topics}::text[],
        description = ${c.description !== undefined ? c.description : before.description},
        enabled = ${input.enabled ?? before.enabled}, updated_at = ${input.now}
      WHERE id = ${input.id}::bigint RETURNING ${ENDPOINT_COLUMNS}`.execute(trx);
    const after = toEndpoint(rows[0] as SinkRow);
    await audit(trx, programId, input, "webhook.update", after.id, before, after);
    return ok(after);
  });
}

/** Deletes the endpoint and its deliveries (its log with it). */
export async function deleteEndpoint(db: Db, input: Actor & { id: string }): Promise<Result<true, EngineError>> {
  const found = await findProgram(db, input.program);
  if (!found.ok) return found;
  const programId = found.value.id;
  return db.transaction().execute(async (trx) => {
    const before = await lockedEndpoint(trx, programId, input.id);
    if (!before) return unknownEndpoint(input.id);
    await sql`DELETE FROM kinship_event_sink WHERE id = ${input.id}::bigint`.execute(trx);
    await audit(trx, programId, input, "webhook.delete", before.id, before, null);
    return ok(true as const);
  });
}

/**
 * A new secret for the endpoint, answered once; deliveries signed from now on use it. A retry under
 * the key of the endpoint's last rotation answers the secret that rotation made.
 */
export async function rotateEndpointSecret(
  db: Db,
  cipher: TokenCipher | null,
  input: Actor & { id: string; idempotencyKey?: string | null },
): Promise<Result<EndpointWithSecret, EngineError>> {
  const found = await findProgram(db, input.program);
  if (!found.ok) return found;
  const programId = found.value.id;
  const key = input.idempotencyKey ?? null;
  const secret = newSigningSecret();
  return db.transaction().execute(async (trx) => {
    const before = await lockedEndpoint(trx, programId, input.id);
    if (!before) return unknownEndpoint(input.id);
    if (key !== null) {
      const { rows: last } = await sql<{ secret: string; rotate_key: string | null }>`SELECT secret, rotate_key FROM kinship_event_sink
        WHERE id = ${input.id}::bigint`.execute(trx);
      const again = last[0]?.rotate_key === key ? openSecret(cipher, programId, last[0].secret) : null;
      if (again !== null) return ok({ endpoint: before, secret: again });
    }
    const { rows } =
      await sql<SinkRow>`UPDATE kinship_event_sink SET secret = ${storedSecret(cipher, programId, secret)}, rotate_key = ${key}, updated_at = ${input.now}
      WHERE id = ${input.id}::bigint RETURNING ${ENDPOINT_COLUMNS}`.execute(trx);
    const endpoint = toEndpoint(rows[0] as SinkRow);
    await audit(trx, programId, input, "webhook.rotate_secret", endpoint.id, null, null);
    return ok({ endpoint, secret });
  });
}

/**
 * Makes sure the program has its one sink of a platform kind (Flow, Medusa), enabled, with these
 * topics (every event topic when none are given). Idempotent: calling it again updates the topics.
 * Events are copied to the sink from then on, not before.
 */
export async function ensureSink(
  db: Db,
  program: string,
  kind: "flow" | "medusa",
  topics?: readonly string[],
  now = new Date(),
): Promise<void> {
  if (kind !== "flow" && kind !== "medusa") throw new Error(`ensureSink: kind must be flow or medusa, not ${String(kind)}`);
  const wanted = topics ?? EVENT_TOPICS;
  const unknown = wanted.filter((t) => !isEventTopic(t));
  if (unknown.length > 0 || wanted.length === 0)
    throw new Error(`ensureSink: topics must be event topics (${EVENT_TOPICS.join(", ")}); got ${JSON.stringify(wanted)}`);
  const found = await findProgram(db, program);
  if (!found.ok) throw new Error(found.error.message);
  const clean = EVENT_TOPICS.filter((t) => wanted.includes(t));
  await sql`INSERT INTO kinship_event_sink (program_id, kind, topics, enabled, created_at, updated_at)
    VALUES (${found.value.id}, ${kind satisfies SinkKind}, ${clean}::text[], true, ${now}, ${now})
    ON CONFLICT (program_id, kind) WHERE kind <> 'webhook'
    DO UPDATE SET topics = EXCLUDED.topics, enabled = true,
      updated_at = CASE WHEN kinship_event_sink.topics = EXCLUDED.topics AND kinship_event_sink.enabled THEN kinship_event_sink.updated_at ELSE EXCLUDED.updated_at END`.execute(
    db,
  );
}

async function lockedEndpoint(trx: Db, programId: number, id: string): Promise<WebhookEndpoint | null> {
  if (!/^[1-9][0-9]{0,17}$/.test(id)) return null;
  const { rows } = await sql<SinkRow>`SELECT ${ENDPOINT_COLUMNS} FROM kinship_event_sink
    WHERE id = ${id}::bigint AND program_id = ${programId} AND kind = 'webhook' FOR UPDATE`.execute(trx);
  return rows[0] ? toEndpoint(rows[0]) : null;
}

function unknownEndpoint(id: string): Result<never, EngineError> {
  return err({ code: "UnknownEndpoint", message: `no webhook endpoint ${id}`, id });
}

async function audit(trx: Db, programId: number, input: Actor, action: string, subject: string, before: unknown, after: unknown) {
  await trx
    .insertInto("kinship_audit")
    .values({
      program_id: programId,
      actor: input.actor,
      action,
      subject,
      before: before === null ? null : JSON.stringify(before),
      after: after === null ? null : JSON.stringify(after),
      at: input.now,
    })
    .execute();
}
