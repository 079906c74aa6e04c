import { type Applied, type EngineError, type InboxRow, inboxRows, type Result, type Settled, settleMany } from "@kinship/engine";
import { type CoalesceOptions, coalesce } from "../coalesce.ts";
import type { Attempt } from "../queue/types.ts";
import {
  type DeliveryDeps,
  type DeliveryOutcome,
  deliveryFields,
  describe,
  logSettled,
  mapRow,
  processDelivery,
} from "./process-delivery.ts";

/** A delivery of the group, with the engine inputs its payload maps to. */
interface Member {
  row: InboxRow;
  inputs: unknown[];
  lockKey: string;
}

/** What a group settles a row as: a group never makes a dead letter. */
type GroupSettled = Settled & { status: "applied" | "ignored" };

/**
 * First runs of deliveries that arrive together are carried out as a group: their rows read in one
 * query, their engine inputs applied in one transaction that also settles every row, so the group
 * shares its round trips and its commit. What a group cannot carry out as one (a compliance topic,
 * a payload that does not map, a refused decision, a deadlock with another group) is left to
 * processDelivery, one delivery at a time, with its retries and dead letters; so is every retry.
 */
export function groupedDelivery(
  deps: DeliveryDeps,
  options: CoalesceOptions,
): (inboxId: number, attempt: Attempt) => Promise<DeliveryOutcome> {
  const inGroup = coalesce((ids: number[]) => runGroup(deps, ids), options);
  return async (inboxId, attempt) => {
    if (attempt.number > 1) return processDelivery(deps, inboxId, attempt);
    const outcome = await inGroup(inboxId).catch(() => null);
    return outcome ?? processDelivery(deps, inboxId, attempt);
  };
}

/** One outcome per id, or null for a delivery to carry out alone. */
async function runGroup(deps: DeliveryDeps, ids: number[]): Promise<(DeliveryOutcome | null)[]> {
  const log = deps.log;
  const rows = new Map((await inboxRows(deps.engine.connection.db, ids)).map((r) => [r.id, r]));
  const outcomes = new Map<number, DeliveryOutcome | null>();
  const members: Member[] = [];
  const ignored: GroupSettled[] = [];
  for (const id of ids) {
    const row = rows.get(id);
    if (row?.status !== "queued") {
      log?.debug({ inboxId: id, status: row?.status ?? "gone" }, "delivery already settled");
      outcomes.set(id, "skipped");
      continue;
    }
    let mapped: ReturnType<typeof mapRow>;
    try {
      mapped = mapRow(deps, row);
    } catch {
      outcomes.set(id, null);
      continue;
    }
    if (mapped.kind === "apply") members.push({ row, inputs: mapped.inputs, lockKey: lockKeyOf(mapped.inputs[0]) });
    else if (mapped.kind === "ignore") ignored.push({ id, status: "ignored", note: mapped.reason });
    else outcomes.set(id, null);
  }
  // Every group takes its members' locks in one order, so two groups cannot wait on each other;
  // a member's deliveries keep the order they arrived in.
  members.sort((a, b) => (a.lockKey < b.lockKey ? -1 : a.lockKey > b.lockKey ? 1 : a.row.id - b.row.id));
  if (members.length === 0 && ignored.length === 0) return ids.map((id) => outcomes.get(id) ?? null);
  const now = deps.now();
  const settled: GroupSettled[] = [];
  const group = await deps.engine.applyGroup(
    members.flatMap((m) => m.inputs.map((input) => ({ program: m.row.programKey, input }))),
    now,
    {
      alsoInTransaction: async (trx, results) => {
        let at = 0;
        for (const m of members) {
          const mine = results.slice(at, at + m.inputs.length);
          at += m.inputs.length;
          settled.push(outcomeOf(m.row.id, mine));
        }
        settled.push(...ignored);
        await settleMany(trx, settled, now);
      },
    },
  );
  if ("failed" in group) {
    const alone = [...members.map((m) => m.row.id), ...ignored.map((s) => s.id)];
    log?.info({ deliveries: alone.length, reason: group.failed }, "group not applied as one: its deliveries go one by one");
    for (const id of alone) outcomes.set(id, null);
  } else
    for (const s of settled) {
      outcomes.set(s.id, s.status);
      if (log) logSettled(log, deliveryFields(rows.get(s.id) as InboxRow, 1), s.status, s.note);
    }
  return ids.map((id) => outcomes.get(id) ?? null);
}

/** Applied when every input went through (or had already); ignored when the program is gone; else the group is not for it. */
function outcomeOf(id: number, results: Result<Applied, EngineError>[]): GroupSettled {
  for (const r of results) {
    if (r.ok || r.error.code === "AlreadyApplied") continue;
    if (r.error.code === "UnknownProgram") return { id, status: "ignored", note: describe(r.error) };
    // Thrown inside the transaction: the whole group rolls back and goes one by one.
    throw new Error(`inbox ${id}: ${describe(r.error)}`);
  }
  return { id, status: "applied", note: null };
}

function lockKeyOf(input: unknown): string {
  const i = (input ?? {}) as { customerId?: unknown; orderId?: unknown };
  if (typeof i.customerId === "string") return `customer:${i.customerId}`;
  if (typeof i.orderId === "string") return `order:${i.orderId}`;
  return "";
}
