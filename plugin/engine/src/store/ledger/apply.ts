import type { RawBuilder } from "kysely";
import {
  Command,
  type CommerceEvent,
  collectionLookupFor,
  createdLotPrefix,
  decide,
  type EngineError,
  EngineFailure,
  err,
  eventKey,
  firstOrderUndone,
  type Input,
  ok,
  parseEvent,
  planEmail,
  type Result,
  referralLotKey,
  withCatalogCollections,
} from "../../core/index.ts";
import { catalogCollections } from "../catalog/changes.ts";
import type { Db } from "../db/connect.ts";
import { unclaimedGuestPlans } from "../members/guest-plans.ts";
import { type Program, programOf } from "../programs/programs.ts";
import { captureReferral, voidReferralOf } from "../referrals/capture.ts";
import { type ClaimRequest, claimAndLock, claimAndLockMany, lockCustomerOfOrder } from "./claim.ts";
import { loadState } from "./load-state.ts";
import { decisionCtes, writeCtes } from "./write-decision.ts";

export interface Applied {
  key: string;
  status: "applied" | "held" | "ignored";
  customerId: string | null;
  notes: string[];
}

const COMMANDS = new Set(["spend", "adjust", "cancelSpend", "evaluate", "tick", "campaigns", "setBirthday"]);

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
  // Keyless: each is idempotent by what it finds (a bonus's year is recorded, a birthday is set once).
  if (input.type === "evaluate" || input.type === "tick" || input.type === "campaigns" || input.type === "setBirthday") return null;
  if (input.type === "referralReward") return referralLotKey(input.referralId);
  return eventKey(input);
}

function orderOf(input: Input): string | null {
  return input.type === "order.paid" || input.type === "refund.created" || input.type === "order.cancelled" ? input.orderId : null;
}

/** What a caller may add to an apply's transaction. */
export interface ApplyOptions {
  /**
   * Runs inside the transaction once the input is written (not for a duplicate or a refusal), so
   * the caller's own bookkeeping (an inbox row settled) commits with the ledger change or not at all.
   */
  alsoInTransaction?: (trx: Db) => Promise<void>;
}

/**
 * Applies one event or command to one program, in one transaction: the program is found, the
 * event's key claimed in a unique index and the member locked (one statement), the pure core
 * decides, the decision is written (one statement).
 */
export async function applyInput(
  db: Db,
  programKey: string,
  raw: unknown,
  now: Date,
  options: ApplyOptions = {},
): Promise<Result<Applied, EngineError>> {
  const parsed = parseInput(raw);
  if (!parsed.ok) return parsed;
  return applyEvent(db, programKey, parsed.value, now, options);
}

/** applyInput for an input already typed (one of Kinship's own mappers built it): not parsed again. */
export async function applyEvent(
  db: Db,
  programKey: string,
  input: Input,
  now: Date,
  options: ApplyOptions = {},
): Promise<Result<Applied, EngineError>> {
  const key = inputKey(input);
  try {
    return await db.transaction().execute(async (trx) => {
      const claim = await claimFor(trx, { key: programKey }, input, now);
      if (!claim.program) return unknownProgram(programKey);
      const applied = await applyClaimed(trx, await programOf(trx, claim.program), input, now, claim.claimed);
      if (applied.ok) await options.alsoInTransaction?.(trx);
      return applied;
    });
  } catch (e) {
    if (e instanceof EngineFailure) return err(e.error);
    if (isUniqueViolation(e)) return err({ code: "AlreadyApplied", message: `${key ?? input.type} was already applied`, key: key ?? "" });
    throw e;
  }
}

export interface GroupOptions {
  /** Runs in the group's transaction once every input is applied; throwing takes the group down. */
  alsoInTransaction?: (trx: Db, results: Result<Applied, EngineError>[]) => Promise<void>;
}

/** One input of a group, and the program it goes to. */
export interface GroupInput {
  program: string;
  input: Input;
}

/**
 * Applies several inputs in one transaction, in the order given, so they share one commit: one
 * result per input, as applyInput answers it (a duplicate is AlreadyApplied, having written
 * nothing). If the group cannot go through as one (a decision refused, a deadlock with another
 * group, a failure of the store, or `alsoInTransaction` throwing on seeing the results) nothing of
 * it is written and the answer says why: the caller then applies the inputs one by one, which
 * finds the one at fault.
 */
export async function applyGroup(
  db: Db,
  items: GroupInput[],
  now: Date,
  options: GroupOptions = {},
): Promise<{ results: Result<Applied, EngineError>[] } | { failed: string }> {
  try {
    return await db.transaction().execute(async (trx) => {
      // Every key claimed and every lock taken in the group's first statement; each input then
      // costs its state query and its write.
      const claimable = items.map((item, i) => ({ i, request: claimRequest(item.program, item.input) }));
      const claims = await claimAndLockMany(
        trx,
        claimable.map((c) => c.request),
        now,
      );
      const claimOf = new Map(claimable.map((c, j) => [c.i, claims[j]]));
      const results: Result<Applied, EngineError>[] = [];
      const group: Group = { pending: null };
      for (const [i, item] of items.entries()) {
        const claim = claimOf.get(i);
        if (!claim?.program) {
          results.push(unknownProgram(item.program));
          continue;
        }
        results.push(await applyClaimed(trx, await programOf(trx, claim.program), item.input, now, claim.claimed, group));
      }
      await writeCtes(trx, group.pending?.ctes ?? []);
      await options.alsoInTransaction?.(trx, results);
      return { results };
    });
  } catch (e) {
    return { failed: e instanceof EngineFailure ? `${e.error.code}: ${e.error.message}` : e instanceof Error ? e.message : String(e) };
  }
}

/**
 * applyInput's steps inside the caller's transaction, for writes that must commit with the ledger
 * change (a redemption row). A rejected decision throws EngineFailure (the claimed key must roll
 * back with everything else); a duplicate returns AlreadyApplied having written nothing.
 */
export async function applyIn(trx: Db, program: Program, input: Input, now: Date): Promise<Result<Applied, EngineError>> {
  const claim = await claimFor(trx, { id: program.id }, input, now);
  if (!claim.program) return unknownProgram(program.key);
  return applyClaimed(trx, program, input, now, claim.claimed);
}

function unknownProgram(key: string): Result<never, EngineError> {
  return err({ code: "UnknownProgram", message: `no program ${JSON.stringify(key)}`, program: key });
}

/** One input's claim: its own statement, planned for one member (claimAndLockMany's unnest joins cost a single apply about a third of its rate). */
function claimFor(trx: Db, program: { key: string } | { id: number }, input: Input, now: Date) {
  const { key, type, locks, customerId } = claimRequest("", input);
  return claimAndLock(trx, program, key, type, locks, customerId, now);
}

function claimRequest(program: string, input: Input): ClaimRequest {
  const orderId = orderOf(input);
  const known = "customerId" in input ? input.customerId : null;
  // Locks known up front are taken in the same statement as the claim; a refund names only its
  // order, so its customer is read (and locked) once the order is locked.
  const locks = [...(orderId !== null ? [`order:${orderId}`] : []), ...(known !== null ? [`customer:${known}`] : [])];
  return { program, key: inputKey(input), type: input.type, locks, customerId: known };
}

/** A group's last decision, not yet written: it goes into the next input's state query. */
interface Group {
  pending: { ctes: RawBuilder<unknown>[]; programId: number; customerId: string | null; orderId: string | null } | null;
}

/**
 * Whether a pending write can go into this input's state query: there is one (a member or an
 * order to read) and it reads nothing the write touches (another program, member and order).
 */
function independent(
  pending: NonNullable<Group["pending"]>,
  programId: number,
  customerId: string | null,
  orderId: string | null,
): boolean {
  if (customerId === null && orderId === null) return false;
  if (pending.programId !== programId) return true;
  return (
    pending.customerId !== null &&
    customerId !== null &&
    pending.customerId !== customerId &&
    (pending.orderId === null || orderId === null || pending.orderId !== orderId)
  );
}

async function applyClaimed(
  trx: Db,
  program: Program,
  input: Input,
  now: Date,
  claimed: boolean,
  group?: Group,
): Promise<Result<Applied, EngineError>> {
  const { id: programId, config } = program;
  const key = inputKey(input);
  if (!claimed && key !== null) return err({ code: "AlreadyApplied", message: `${key} was already applied`, key });
  const orderId = orderOf(input);
  let customerId: string | null = "customerId" in input ? input.customerId : null;
  const flush = async () => {
    await writeCtes(trx, group?.pending?.ctes ?? []);
    if (group) group.pending = null;
  };
  if (orderId !== null && customerId === null) {
    await flush();
    customerId = await lockCustomerOfOrder(trx, programId, orderId);
  }
  if (group?.pending && !independent(group.pending, programId, customerId, orderId)) await flush();
  const before = group?.pending?.ctes ?? [];
  if (group) group.pending = null;

  const welcome = input.type === "customer.created" ? `${createdLotPrefix(input.customerId)}:` : null;
  const spendKeys = input.type === "cancelSpend" ? [input.spendKey] : [];
  const loaded = await loadState(trx, programId, config, customerId, orderId, now, welcome, spendKeys, before);
  if ((input.type === "customer.created" || input.type === "customer.updated") && config.plans.length > 0) {
    const email = planEmail(input.email !== undefined ? input.email : loaded.state.member?.profile.email);
    if (email) loaded.state.guestPlans = await unclaimedGuestPlans(trx, programId, email);
  }
  const decision = decide(loaded.state, await withCollections(trx, program, input), config, now);
  if (!decision.ok) throw new EngineFailure(decision.error);
  const d = decision.value;
  const status =
    d.hold.length > 0
      ? "held"
      : d.member && (d.entries.length || d.growth.length || d.memberCreated || input.type.startsWith("customer"))
        ? "applied"
        : "ignored";
  const ctes = decisionCtes(
    programId,
    loaded.memberId,
    loaded.lotIds,
    d,
    now,
    key !== null && status !== "applied" ? { key, status, currency: status === "ignored" ? (d.foreignCurrency ?? null) : null } : null,
  );
  // A referral reads the rows this decision writes (the referee's member and order): written now.
  const referred = input.type === "order.paid" && input.referral !== undefined && status === "applied";
  if (group && !referred) group.pending = { ctes, programId, customerId: d.member?.customerId ?? customerId, orderId };
  else await writeCtes(trx, ctes);
  const notes = referred ? [...d.notes, ...(await captureReferral(trx, program, input, d, now))] : d.notes;
  if ((input.type === "refund.created" || input.type === "order.cancelled") && status === "applied" && program.config.referrals) {
    const order = d.orders.find((o) => o.orderId === input.orderId);
    if (order && firstOrderUndone(order) && (await voidReferralOf(trx, programId, input.orderId, now)))
      notes.push("referral void: its first order was refunded in full or cancelled");
  }
  return ok({ key: key ?? input.type, status, customerId: d.member?.customerId ?? customerId, notes });
}

/**
 * An order whose lines came without collections (Shopify's webhooks carry none) gets them from the
 * program's catalog, when an earn rule looks at collections: every host's orders earn alike.
 */
async function withCollections(trx: Db, program: Program, input: Input): Promise<Input> {
  if (input.type !== "order.paid") return input;
  const ids = collectionLookupFor(program.config, input);
  if (!ids) return input;
  return withCatalogCollections(input, await catalogCollections(trx, program.id, ids));
}

export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "23505";
}

export type { CommerceEvent };
