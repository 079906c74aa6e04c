import {
  type CatalogChange,
  type CatalogLookup,
  type CommerceEvent,
  type DeliveryMapper,
  type EngineError,
  type Mapped,
  normaliseEvent,
  type Result,
} from "../../core/index.ts";
import { applyCatalogChange, type CatalogFacts } from "../catalog/changes.ts";
import type { Db } from "../db/connect.ts";
import { type Applied, applyEvent, applyGroup } from "../ledger/apply.ts";
import { deleteProgram, exportMember, redactMember } from "../members/compliance.ts";
import { recordShopScopes } from "../programs/shop-scopes.ts";
import { markUninstalled } from "../programs/shops.ts";
import { type InboxRow, inboxRows, recordAttempt, type Settled, settleMany } from "./inbox.ts";

/** One run of a stored delivery: its inbox id, and which run this is. */
export interface DeliveryJob {
  id: number;
  /** 1 for the first run; later runs are retries and always go alone. */
  attempt: number;
  /** The last run allowed: a failure makes the delivery a dead letter. */
  final: boolean;
}

/** What became of one delivery in this run. */
export type DeliveryResult = {
  id: number;
  /** The row as read (null when it is gone: its shop was erased). */
  row: InboxRow | null;
} & (
  | /** Carried out, or found carried out by an earlier run; `ignored`: nothing to do, or the program is gone. */
  { outcome: "applied" | "ignored"; note: string | null }
  /** No longer queued (another run finished it) or no longer there. */
  | { outcome: "skipped" }
  /** The run failed; the reason is recorded on the row, and a final run made it a dead letter. */
  | { outcome: "failed"; reason: string; final: boolean }
);

const MAX_REASON = 2000;

/** What a host gives deliveries beyond the mapper. */
export interface DeliveryOptions {
  /** Reads what catalog webhooks leave out from the platform; without it a catalog delivery fails (and is retried). */
  catalog?: CatalogLookup;
}

/**
 * Carries out stored deliveries: their rows read in one query, each payload mapped by the caller's
 * mapper, then first runs applied as one group (one transaction that also settles every row) and
 * whatever the group cannot carry out as one (a compliance topic, a payload that does not map, a
 * refused decision, a deadlock with another group) one by one, as are retries. Idempotent: a row
 * no longer queued is left alone and every ledger write is keyed, so a rerun after a crash finishes
 * only what is left. A failure is recorded on its row; on the final run the row becomes a dead
 * letter, so dead letters live in the database whatever the queue.
 */
export async function processDeliveries(
  db: Db,
  jobs: DeliveryJob[],
  map: DeliveryMapper,
  now: Date,
  options: DeliveryOptions = {},
): Promise<DeliveryResult[]> {
  const rows = new Map(
    (
      await inboxRows(
        db,
        jobs.map((j) => j.id),
      )
    ).map((r) => [r.id, r]),
  );
  const results = new Map<number, DeliveryResult>();
  const alone: DeliveryJob[] = [];
  const group: GroupMember[] = [];
  for (const job of jobs) {
    const row = rows.get(job.id) ?? null;
    if (row?.status !== "queued") {
      results.set(job.id, { id: job.id, row, outcome: "skipped" });
      continue;
    }
    const mapped = job.attempt === 1 && jobs.length > 1 ? mapOrNull(map, row) : null;
    if (mapped?.kind === "apply" || mapped?.kind === "ignore") group.push({ job, row, mapped });
    else alone.push(job);
  }
  if (group.length > 0) {
    const done = await runGroup(db, group, now);
    if (done) for (const r of done) results.set(r.id, r);
    else alone.push(...group.map((m) => m.job));
  }
  for (const job of alone) results.set(job.id, await runAlone(db, job, rows.get(job.id) as InboxRow, map, now, options));
  return jobs.map((j) => results.get(j.id) as DeliveryResult);
}

interface GroupMember {
  job: DeliveryJob;
  row: InboxRow;
  mapped: Extract<Mapped, { kind: "apply" | "ignore" }>;
}

/** One transaction for the group, or null when it cannot go through as one (nothing written). */
async function runGroup(db: Db, members: GroupMember[], now: Date): Promise<DeliveryResult[] | null> {
  const applying = members.flatMap((m) => (m.mapped.kind === "apply" ? [{ ...m, events: m.mapped.inputs.map(normaliseEvent) }] : []));
  // Every group takes its members' locks in one order, so two groups cannot wait on each other;
  // a member's deliveries keep the order they arrived in.
  applying.sort((a, b) => {
    const ka = lockKeyOf(a.events[0]);
    const kb = lockKeyOf(b.events[0]);
    return ka < kb ? -1 : ka > kb ? 1 : a.row.id - b.row.id;
  });
  const settled: (Settled & { status: "applied" | "ignored" })[] = [];
  const group = await applyGroup(
    db,
    applying.flatMap((m) => m.events.map((input) => ({ program: m.row.programKey, input }))),
    now,
    {
      alsoInTransaction: async (trx, results) => {
        let at = 0;
        for (const m of applying) {
          settled.push(groupOutcome(m.row.id, results.slice(at, at + m.events.length)));
          at += m.events.length;
        }
        for (const m of members) if (m.mapped.kind === "ignore") settled.push({ id: m.row.id, status: "ignored", note: m.mapped.reason });
        await settleMany(trx, settled, now);
      },
    },
  );
  if ("failed" in group) return null;
  const rowOf = new Map(members.map((m) => [m.row.id, m.row]));
  return settled.map((s) => ({ id: s.id, row: rowOf.get(s.id) ?? null, outcome: s.status, note: s.note }));
}

/** Applied when every input went through (or had already); ignored when the program is gone; else the group is not for it. */
function groupOutcome(id: number, results: Result<Applied, EngineError>[]): Settled & { status: "applied" | "ignored" } {
  for (const r of results) {
    if (r.ok || r.error.code === "AlreadyApplied") continue;
    if (r.error.code === "UnknownProgram") return { id, status: "ignored", note: describe(r.error) };
    // Thrown inside the transaction: the whole group rolls back and goes one by one.
    throw new Error(`inbox ${id}: ${describe(r.error)}`);
  }
  return { id, status: "applied", note: null };
}

async function runAlone(
  db: Db,
  job: DeliveryJob,
  row: InboxRow,
  map: DeliveryMapper,
  now: Date,
  options: DeliveryOptions,
): Promise<DeliveryResult> {
  try {
    const done = await carryOut(db, row, map, now, options);
    return { id: row.id, row, outcome: done.outcome, note: done.note };
  } catch (e) {
    const reason = reasonOf(e);
    // A failure to record leaves the row queued: the sweeper hands it to the queue again later.
    await recordAttempt(db, row.id, reason);
    if (job.final) await settleMany(db, [{ id: row.id, status: "dead", note: reason }], now);
    return { id: row.id, row, outcome: "failed", reason, final: job.final };
  }
}

interface Done {
  outcome: "applied" | "ignored";
  note: string | null;
}

/** A typed engine failure that should be retried (and dead-lettered if it persists). */
class Retry extends Error {
  override readonly name = "Retry";
}

async function carryOut(db: Db, row: InboxRow, map: DeliveryMapper, now: Date, options: DeliveryOptions): Promise<Done> {
  const program = row.programKey;
  const mapped = map(row);
  const settle = (outcome: Done["outcome"], note: string | null) => (trx: Db) =>
    settleMany(trx, [{ id: row.id, status: outcome, note }], now);
  switch (mapped.kind) {
    case "apply": {
      const events = mapped.inputs.map(normaliseEvent);
      let settledWithLast = false;
      for (const [i, event] of events.entries()) {
        // The last event's transaction also settles the row: one commit fewer per delivery.
        const last = i === events.length - 1;
        const r = await applyEvent(db, program, event, now, last ? { alsoInTransaction: settle("applied", null) } : {});
        settledWithLast = last && r.ok;
        if (r.ok || r.error.code === "AlreadyApplied") continue;
        if (r.error.code === "UnknownProgram") return finish(db, row, now, gone(r.error));
        throw new Retry(describe(r.error));
      }
      return settledWithLast ? { outcome: "applied", note: null } : finish(db, row, now, { outcome: "applied", note: null });
    }
    case "export": {
      const r = await exportMember(db, program, mapped.customerId, mapped.requestRef, now);
      if (r.ok) return finish(db, row, now, { outcome: "applied", note: null });
      if (r.error.code === "UnknownProgram") return finish(db, row, now, gone(r.error));
      if (r.error.code === "UnknownMember")
        return finish(db, row, now, { outcome: "ignored", note: `nothing to export: ${r.error.message}` });
      throw new Retry(describe(r.error));
    }
    case "redact": {
      const r = await redactMember(db, program, mapped.customerId, now);
      if (r.ok) return finish(db, row, now, { outcome: "applied", note: null });
      if (r.error.code === "UnknownProgram") return finish(db, row, now, gone(r.error));
      // Not a member (or already erased): nothing to erase, which is what was asked.
      if (r.error.code === "UnknownMember")
        return finish(db, row, now, { outcome: "applied", note: `nothing to erase: ${r.error.message}` });
      throw new Retry(describe(r.error));
    }
    case "redactShop":
      // Also deletes the shop's inbox rows, this one included: settling it afterwards touches nothing.
      await deleteProgram(db, program);
      return finish(db, row, now, { outcome: "applied", note: null });
    case "uninstalled":
      await markUninstalled(db, program, now);
      return finish(db, row, now, { outcome: "applied", note: null });
    case "catalog": {
      // The platform is asked first, outside any transaction: no lock is held while it answers.
      const { change, facts } = await catalogFacts(options.catalog, program, mapped.change);
      const note = change === mapped.change ? null : `${mapped.change.type} carried out as ${change.type}: the platform no longer has it`;
      const r = await applyCatalogChange(db, program, change, facts, now, { alsoInTransaction: settle("applied", note) });
      if (r.ok) return { outcome: "applied", note };
      if (r.error.code === "UnknownProgram") return finish(db, row, now, gone(r.error));
      throw new Retry(`${r.error.code}: ${r.error.message}`);
    }
    case "scopes": {
      const r = await recordShopScopes(db, program, mapped.granted, new Date(mapped.at));
      if (!r.ok) throw new Retry(describe(r.error));
      if (r.value.recorded) return finish(db, row, now, { outcome: "applied", note: null });
      const note =
        r.value.reason === "stale" ? `scopes as of ${mapped.at} not recorded: a later grant is` : `no shop ${program} is connected`;
      return finish(db, row, now, { outcome: "ignored", note });
    }
    case "ignore":
      return finish(db, row, now, { outcome: "ignored", note: mapped.reason });
  }
}

/** What the platform says beyond the webhook; a product or collection it no longer has is a delete. */
async function catalogFacts(
  lookup: CatalogLookup | undefined,
  program: string,
  change: CatalogChange,
): Promise<{ change: CatalogChange; facts: CatalogFacts }> {
  if (change.type !== "product.changed" && change.type !== "collection.changed") return { change, facts: {} };
  if (!lookup) throw new Retry(`${change.type} needs the platform's catalog and this process has no catalog lookup`);
  if (change.type === "product.changed") {
    const collectionIds = await lookup.productCollections(program, change.productId);
    if (collectionIds === null) return { change: { type: "product.deleted", productId: change.productId }, facts: {} };
    return { change, facts: { collectionIds } };
  }
  const productIds = await lookup.collectionProducts(program, change.collectionId);
  if (productIds === null) return { change: { type: "collection.deleted", collectionId: change.collectionId }, facts: {} };
  return { change, facts: { productIds } };
}

async function finish(db: Db, row: InboxRow, now: Date, done: Done): Promise<Done> {
  await settleMany(db, [{ id: row.id, status: done.outcome, note: done.note }], now);
  return done;
}

function mapOrNull(map: DeliveryMapper, row: InboxRow): Mapped | null {
  try {
    return map(row);
  } catch {
    return null;
  }
}

function lockKeyOf(event: CommerceEvent | undefined): string {
  if (!event) return "";
  if ("customerId" in event && typeof event.customerId === "string") return `customer:${event.customerId}`;
  if ("orderId" in event) return `order:${event.orderId}`;
  return "";
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
