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
import { findProgram } from "./programs.ts";
import { writeDecision } from "./write-decision.ts";

export interface Applied {
  key: string;
  status: "applied" | "held" | "ignored";
  customerId: string | null;
  notes: string[];
}

const COMMANDS = new Set(["spend", "adjust", "evaluate", "tick"]);

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
  if (input.type === "spend" || input.type === "adjust") return `${input.type}:${input.key}`;
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
  const { id: programId, config } = program.value;
  const key = inputKey(input);

  try {
    return await db.transaction().execute(async (trx) => {
      if (key !== null) {
        const claimed = await trx
          .insertInto("kinship_event")
          .values({ program_id: programId, key, type: input.type, status: "applied", received_at: now })
          .onConflict((oc) => oc.columns(["program_id", "key"]).doNothing())
          .returning("key")
          .executeTakeFirst();
        if (!claimed) return err({ code: "AlreadyApplied", message: `${key} was already applied`, key });
      }
      const orderId = orderOf(input);
      if (orderId !== null) await lockKey(trx, programId, `order:${orderId}`);
      const customerId =
        "customerId" in input ? input.customerId : orderId !== null ? await customerOfOrder(trx, programId, orderId) : null;
      if (customerId !== null) await lockKey(trx, programId, `customer:${customerId}`);

      const welcome = input.type === "customer.created" ? `${createdLotPrefix(input.customerId)}:` : null;
      const loaded = await loadState(trx, programId, config, customerId, orderId ? [orderId] : [], now, welcome);
      const decision = decide(loaded.state, input, config, now);
      if (!decision.ok) throw new EngineFailure(decision.error);
      const d = decision.value;
      await writeDecision(trx, programId, loaded.memberId, loaded.lotIds, d, now);

      const status =
        d.hold.length > 0
          ? "held"
          : d.member && (d.entries.length || d.growth.length || d.memberCreated || input.type.startsWith("customer"))
            ? "applied"
            : "ignored";
      if (key !== null && status !== "applied")
        await trx.updateTable("kinship_event").set({ status }).where("program_id", "=", programId).where("key", "=", key).execute();
      return ok({ key: key ?? input.type, status, customerId: d.member?.customerId ?? customerId, notes: d.notes });
    });
  } catch (e) {
    if (e instanceof EngineFailure) return err(e.error);
    if (isUniqueViolation(e)) return err({ code: "AlreadyApplied", message: `${key ?? input.type} was already applied`, key: key ?? "" });
    throw e;
  }
}

export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "23505";
}

export type { CommerceEvent };
