import {
  deleteProgram,
  type Engine,
  type EngineError,
  exportMember,
  type InboxRow,
  inboxRow,
  markUninstalled,
  recordAttempt,
  redactMember,
  settle,
} from "@kinship/engine";
import type { Mapped } from "../mappers/types.ts";
import { type Attempt, type Logger, silentLogger } from "../queue/types.ts";

export type ShopifyMapper = (topic: string, rawBody: string) => Mapped;
export type CustomMapper = (rawBody: string) => Mapped;
export type MedusaMapper = (topic: string, rawBody: string) => Mapped;

/** The mappers of the sources this process takes; a row of another source fails (and is retried, then dead-lettered). */
export interface DeliveryDeps {
  engine: Engine;
  mapShopify?: ShopifyMapper;
  mapCustom?: CustomMapper;
  mapMedusa?: MedusaMapper;
  now: () => Date;
  log?: Logger;
}

/** What became of a delivery in this run. */
export type DeliveryOutcome =
  /** Carried out (or found already carried out by an earlier run). */
  | "applied"
  /** Nothing to do, or the program is gone. */
  | "ignored"
  /** The row is no longer queued (another run finished it) or no longer exists (shop erased). */
  | "skipped";

/** A failed run: the delivery is retried by the queue, or is now a dead letter if `final`. */
export class DeliveryFailed extends Error {
  override readonly name = "DeliveryFailed";
  readonly inboxId: number;
  readonly reason: string;
  readonly final: boolean;
  constructor(inboxId: number, reason: string, final: boolean, cause?: unknown) {
    super(`inbox ${inboxId}: ${reason}`, cause === undefined ? undefined : { cause });
    this.inboxId = inboxId;
    this.reason = reason;
    this.final = final;
  }
}

/** A typed engine failure that should be retried (and dead-lettered if it persists). */
class Retry extends Error {
  override readonly name = "Retry";
}

const MAX_REASON = 2000;

/**
 * Carries out one inbox row. Idempotent: a row that is no longer `queued` is left alone, and
 * every engine input is keyed in the ledger, so a rerun after a crash finds the applied part
 * `AlreadyApplied` and finishes the rest. A failure is recorded on the row and thrown for the
 * queue to retry; on the final attempt the row is settled `dead` first, so dead letters live in
 * Postgres whatever the queue.
 */
export async function processDelivery(deps: DeliveryDeps, inboxId: number, attempt: Attempt): Promise<DeliveryOutcome> {
  const { engine } = deps;
  const db = engine.connection.db;
  const log = deps.log ?? silentLogger;
  const row = await inboxRow(db, inboxId);
  if (row?.status !== "queued") {
    log.debug({ inboxId, status: row?.status ?? "gone" }, "delivery already settled");
    return "skipped";
  }
  const fields = deliveryFields(row, attempt.number);
  try {
    const done = await carryOut(deps, row);
    if (!done.settled) await settle(db, inboxId, done.outcome, done.note, deps.now());
    logSettled(log, fields, done.outcome, done.note);
    return done.outcome;
  } catch (e) {
    const reason = reasonOf(e);
    try {
      await recordAttempt(db, inboxId, reason);
      if (attempt.final) await settle(db, inboxId, "dead", reason, deps.now());
    } catch (dbError) {
      // The row stays `queued`: the sweeper hands it to the queue again later.
      log.error({ ...fields, err: dbError }, "could not record the failed attempt");
    }
    if (attempt.final) log.error({ ...fields, reason }, "delivery dead: replay it once the cause is fixed");
    else log.warn({ ...fields, reason }, "delivery failed: will retry");
    throw new DeliveryFailed(inboxId, reason, attempt.final, e);
  }
}

interface Done {
  outcome: "applied" | "ignored";
  note: string | null;
  /** The row was settled in the transaction of the delivery's last ledger write. */
  settled?: boolean;
}

const applied: Done = { outcome: "applied", note: null };

async function carryOut(deps: DeliveryDeps, row: InboxRow): Promise<Done> {
  const db = deps.engine.connection.db;
  const program = row.programKey;
  const mapped = mapRow(deps, row);
  switch (mapped.kind) {
    case "apply": {
      // The last input's transaction also settles the row: one commit fewer per delivery.
      let settled = false;
      const settleWith = {
        alsoInTransaction: async (trx: typeof db) => {
          await settle(trx, row.id, "applied", null, deps.now());
          settled = true;
        },
      };
      for (const [i, input] of mapped.inputs.entries()) {
        const last = i === mapped.inputs.length - 1;
        const r = await deps.engine.apply(program, input, deps.now(), last ? settleWith : undefined);
        if (!r.ok) settled = false; // its transaction rolled back, the settle with it
        if (r.ok || r.error.code === "AlreadyApplied") continue;
        if (r.error.code === "UnknownProgram") return gone(r.error);
        throw new Retry(describe(r.error));
      }
      return { ...applied, settled };
    }
    case "export": {
      const r = await exportMember(db, program, mapped.customerId, mapped.requestRef, deps.now());
      if (r.ok) return applied;
      if (r.error.code === "UnknownProgram") return gone(r.error);
      if (r.error.code === "UnknownMember") return { outcome: "ignored", note: `nothing to export: ${r.error.message}` };
      throw new Retry(describe(r.error));
    }
    case "redact": {
      const r = await redactMember(db, program, mapped.customerId, deps.now());
      if (r.ok) return applied;
      if (r.error.code === "UnknownProgram") return gone(r.error);
      // Not a member (or already erased): nothing to erase, which is what was asked.
      if (r.error.code === "UnknownMember") return { outcome: "applied", note: `nothing to erase: ${r.error.message}` };
      throw new Retry(describe(r.error));
    }
    case "redactShop":
      // Also deletes the shop's inbox rows, this one included: settling it afterwards touches nothing.
      await deleteProgram(db, program);
      return applied;
    case "uninstalled":
      await markUninstalled(db, program, deps.now());
      return applied;
    case "ignore":
      return { outcome: "ignored", note: mapped.reason };
  }
}

/** What every log line about a delivery names. */
export function deliveryFields(row: InboxRow, attempt: number) {
  return { inboxId: row.id, source: row.source, topic: row.topic, program: row.programKey, attempt };
}

/** The one line a delivery's outcome is logged as, alone or in a group. */
export function logSettled(log: Logger, fields: ReturnType<typeof deliveryFields>, outcome: string, note: string | null): void {
  log.info(note ? { ...fields, note } : fields, `delivery ${outcome}`);
}

export function mapRow(deps: DeliveryDeps, row: InboxRow): Mapped {
  const mapped =
    row.source === "shopify"
      ? deps.mapShopify?.(row.topic, row.payload)
      : row.source === "custom"
        ? deps.mapCustom?.(row.payload)
        : deps.mapMedusa?.(row.topic, row.payload);
  if (!mapped) throw new Error(`no mapper for ${row.source} deliveries in this process`);
  return mapped;
}

/** The program is gone (shop erased after this delivery arrived): nothing left to apply it to. */
function gone(error: EngineError): Done {
  return { outcome: "ignored", note: describe(error) };
}

export function describe(error: EngineError): string {
  return `${error.code}: ${error.message}`;
}

function reasonOf(e: unknown): string {
  const text = e instanceof Retry ? e.message : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text;
}
