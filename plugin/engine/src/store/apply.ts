import { sql } from "kysely";
import {
  Command,
  type CommerceEvent,
  createdLotPrefix,
  decide,
  type EngineError,
  EngineFailure,
  err,
  eventKey,
  type Input,
  ok,
  parseEvent,
  type Result,
} from "../core/index.ts";
import type { Db } from "./connect.ts";
import { customerOfOrder, loadState, lockKey } from "./load-state.ts";
import { findProgram, type Program } from "./programs.ts";
import { writeDecision } from "./write-decision.ts";

export interface Applied {
  key: string;
  status: "applied" | "held" | "ignored";
  customerId: string | null;
  notes: string[];
}

const COMMANDS = new Set(["spend", "adjust", "cancelSpend", "evaluate", "tick"]);

export function parseInput(raw: unknown): Result<Input, EngineError> {
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type === "string" && COMMANDS.has(type)) {
    const parsed = Command.safeParse(raw);
    if (parsed.success) return ok(parsed.data);
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    return err({ code: "InvalidEvent", message: `malformed ${type} command: ${issues.join("; ")}`, issues });
  }
  return parseEvent(raw);
}

export function inputKey(input: Input): string | null {
  if (input.type === "spend" || input.type === "adjust" || input.type === "cancelSpend") return `${input.type}:${input.key}`;
  if (input.type === "evaluate" || input.type === "tick") return null;
  return eventKey(input);
}

function orderOf(input: Input): string | null {
  return input.type === "order.paid" || input.type === "refund.created" || input.type === "order.cancelled" ? input.orderId : null;
}

/**
 * Applies one event or command to one program, in one transaction: the event's key is claimed in
 * a unique index, the member is locked, the pure core decides, the decision is written.
 */
export async function applyInput(db: Db, programKey: string, raw: unknown, now: Date): Promise<Result<Applied, EngineError>> {
  const parsed = parseInput(raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const program = await findProgram(db, programKey);
  if (!program.ok) return program;
  const key = inputKey(input);

  try {
    return await db.transaction().execute((trx) => applyIn(trx, program.value, input, now));
  } catch (e) {
    if (e instanceof EngineFailure) return err(e.error);
    if (isUniqueViolation(e)) return err({ code: "AlreadyApplied", message: `${key ?? input.type} was already applied`, key: key ?? "" });
    throw e;
  }
}

/**
 * applyInput's steps inside the caller's transaction, for writes that must commit with the ledger
 * change (a redemption row). A rejected decision throws EngineFailure (the claimed key must roll
 * back with everything else); a duplicate returns AlreadyApplied having written nothing.
 */
export async function applyIn(trx: Db, program: Program, input: Input, now: Date): Promise<Result<Applied, EngineError>> {
  const { id: programId, config } = program;
  const key = inputKey(input);
  const orderId = orderOf(input);
  const known = "customerId" in input ? input.customerId : null;
  let customerId: string | null = known;
  // Locks known up front are taken in the same round trip as the claim; a refund names only
  // its order, so its customer is read (and locked) once the order is locked.
  const upFront = [...(orderId !== null ? [`order:${orderId}`] : []), ...(known !== null ? [`customer:${known}`] : [])];
  const claimed = await claimAndLock(trx, programId, key, input.type, upFront, now);
  if (!claimed && key !== null) return err({ code: "AlreadyApplied", message: `${key} was already applied`, key });
  if (orderId !== null && known === null) {
    customerId = await customerOfOrder(trx, programId, orderId);
    if (customerId !== null) await lockKey(trx, programId, `customer:${customerId}`);
  }

  const welcome = input.type === "customer.created" ? `${createdLotPrefix(input.customerId)}:` : null;
  const spendKeys = input.type === "cancelSpend" ? [input.spendKey] : [];
  const loaded = await loadState(trx, programId, config, customerId, orderId ? [orderId] : [], now, welcome, spendKeys);
  const decision = decide(loaded.state, input, config, now);
  if (!decision.ok) throw new EngineFailure(decision.error);
  const d = decision.value;
  const status =
    d.hold.length > 0
      ? "held"
      : d.member && (d.entries.length || d.growth.length || d.memberCreated || input.type.startsWith("customer"))
        ? "applied"
        : "ignored";
  await writeDecision(
    trx,
    programId,
    loaded.memberId,
    loaded.lotIds,
    d,
    now,
    key !== null && status !== "applied" ? { key, status } : null,
  );
  return ok({ key: key ?? input.type, status, customerId: d.member?.customerId ?? customerId, notes: d.notes });
}

/** Claims the input's key in the unique index (false: already applied) and takes the locks, in one statement. */
async function claimAndLock(trx: Db, programId: number, key: string | null, type: string, locks: string[], now: Date): Promise<boolean> {
  const scoped = locks.map((k) => `${programId}:${k}`);
  const lock = sql`(SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(k, 0))
      FROM unnest(${scoped}::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n) AS taken)`;
  if (key === null) {
    if (locks.length) await sql`SELECT ${lock} AS locked`.execute(trx);
    return true;
  }
  const result = await sql<{ claimed: string | number }>`
    WITH claim AS (
      INSERT INTO kinship_event (program_id, key, type, status, received_at) VALUES (${programId}, ${key}, ${type}, 'applied', ${now})
      ON CONFLICT (program_id, key) DO NOTHING RETURNING key)
    SELECT (SELECT count(*) FROM claim) AS claimed, ${lock} AS locked`.execute(trx);
  return Number(result.rows[0]?.claimed ?? 0) > 0;
}

export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "23505";
}

export type { CommerceEvent };
