import { type Selectable, sql } from "kysely";
import { type EngineError, EngineFailure, err, ok, type Result, type Reward, tierRank } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num, type RedemptionStatus, type RedemptionTable } from "../db/schema.ts";
import { applyIn, isUniqueViolation, parseInput } from "../ledger/apply.ts";
import { lockedMember } from "../ledger/load-state.ts";
import { findProgram, type Program } from "../programs/programs.ts";

/**
 * A redemption is three steps with a platform call in the middle (reserve → issue the code →
 * confirm), each its own transaction so nothing waits on the platform under a lock. The key
 * names one attempt: it is the redemption row's unique key and the spend's key
 * (`spend:redeem:<key>`), so each step is idempotent and a key can never spend twice.
 */
export interface Redemption {
  key: string;
  customerId: string;
  rewardId: string;
  points: number;
  status: RedemptionStatus;
  code: string | null;
  platformRef: string | null;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ReserveRedemptionInput {
  program: string;
  customerId: string;
  rewardId: string;
  key: string;
  now: Date;
}

export interface RedemptionRef {
  program: string;
  key: string;
  now: Date;
}

/** The spend behind a redemption: `spend:redeem:<key>` in the ledger. */
export function redemptionSpendKey(key: string): string {
  return `redeem:${key}`;
}

/**
 * Step 1, one transaction: checks the reward (exists, enabled, the member's tier), spends its cost
 * with the engine's spend semantics (lots soonest to expire first, under the member's lock) and
 * writes the `reserved` row. A failure at any point writes nothing.
 */
export async function reserveRedemption(
  db: Db,
  input: ReserveRedemptionInput,
): Promise<Result<{ redemption: Redemption; reward: Reward; currency: string }, EngineError>> {
  const found = await findProgram(db, input.program);
  if (!found.ok) return found;
  const program = found.value;
  const reward = program.config.rewards.find((r) => r.id === input.rewardId);
  if (!reward) return err({ code: "UnknownReward", message: `no reward ${input.rewardId}`, rewardId: input.rewardId });
  if (!reward.enabled) return err({ code: "RewardNotAvailable", message: `reward ${reward.id} is switched off`, rewardId: reward.id });
  const spend = parseInput({
    type: "spend",
    key: redemptionSpendKey(input.key),
    customerId: input.customerId,
    points: reward.cost,
    reason: `redeemed ${reward.name}`.slice(0, 500),
  });
  if (!spend.ok) return spend;

  try {
    return await db.transaction().execute(async (trx) => {
      const member = await lockedMember(trx, program.id, input.customerId);
      if (!member)
        throw new EngineFailure({ code: "UnknownMember", message: `no member ${input.customerId}`, customerId: input.customerId });
      if (reward.minTier && tierRank(program.config, member.tier_key) < tierRank(program.config, reward.minTier))
        throw new EngineFailure({
          code: "RewardNotAvailable",
          message: `reward ${reward.id} needs tier ${reward.minTier}; member ${input.customerId} is ${member.tier_key}`,
          rewardId: reward.id,
        });
      const applied = await applyIn(trx, program, spend.value, input.now);
      if (!applied.ok) return applied;
      const row = await trx
        .insertInto("kinship_redemption")
        .values({
          program_id: program.id,
          member_id: num(member.id),
          key: input.key,
          reward_id: reward.id,
          points: reward.cost,
          status: "reserved",
          created_at: input.now,
          updated_at: input.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return ok({ redemption: toRedemption(row, input.customerId), reward, currency: program.config.currency });
    });
  } catch (e) {
    if (e instanceof EngineFailure) return err(e.error);
    if (isUniqueViolation(e)) return err({ code: "AlreadyApplied", message: `redemption ${input.key} exists`, key: input.key });
    throw e;
  }
}

/** Step 3: the platform issued `code`; the redemption is done. Confirming the same code again is a no-op. */
export async function confirmRedemption(
  db: Db,
  input: RedemptionRef & { code: string; platformRef: string | null },
): Promise<Result<Redemption, EngineError>> {
  const program = await findProgram(db, input.program);
  if (!program.ok) return program;
  return db.transaction().execute(async (trx) => {
    const row = await redemptionRow(trx, program.value.id, input.key, true);
    if (!row) return unknown(input.key);
    const current = toRedemption(row, row.customer_id);
    if (current.status === "confirmed" && current.code === input.code) return ok(current);
    if (current.status !== "reserved") return closed(current.key, current.status);
    const confirmed = await trx
      .updateTable("kinship_redemption")
      .set({ status: "confirmed", code: input.code, platform_ref: input.platformRef, updated_at: input.now })
      .where("id", "=", num(row.id))
      .returningAll()
      .executeTakeFirstOrThrow();
    const redeemed = toRedemption(confirmed, row.customer_id);
    await sql`INSERT INTO kinship_outbox (program_id, key, topic, payload, created_at)
      VALUES (${program.value.id}, ${`reward.redeemed:${redeemed.key}`}, 'reward.redeemed', ${JSON.stringify({
        customerId: redeemed.customerId,
        rewardId: redeemed.rewardId,
        points: redeemed.points,
        code: redeemed.code,
        redemptionKey: redeemed.key,
      })}::jsonb, ${input.now})
      ON CONFLICT (program_id, key) DO NOTHING`.execute(trx);
    return ok(redeemed);
  });
}

/**
 * Compensation: gives the points back exactly (cancelSpend of the reservation's spend) and marks
 * the redemption cancelled with the reason, in one transaction. Cancelling a cancelled redemption
 * is a no-op; a confirmed one (its code is out) cannot be cancelled here.
 */
export async function cancelRedemption(db: Db, input: RedemptionRef & { error: string }): Promise<Result<Redemption, EngineError>> {
  const found = await findProgram(db, input.program);
  if (!found.ok) return found;
  const program = found.value;
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await redemptionRow(trx, program.id, input.key, true);
      if (!row) return unknown(input.key);
      const current = toRedemption(row, row.customer_id);
      if (current.status === "cancelled") return ok(current);
      if (current.status === "confirmed") return closed(current.key, current.status);
      const spendKey = redemptionSpendKey(input.key);
      const cancel = parseInput({
        type: "cancelSpend",
        key: spendKey,
        customerId: row.customer_id,
        spendKey,
        reason: `redemption failed: ${input.error}`.slice(0, 500),
      });
      if (!cancel.ok) throw new EngineFailure(cancel.error);
      const applied = await applyIn(trx, program, cancel.value, input.now);
      if (!applied.ok && applied.error.code !== "AlreadyApplied") throw new EngineFailure(applied.error);
      const cancelled = await trx
        .updateTable("kinship_redemption")
        .set({ status: "cancelled", error: input.error.slice(0, 2000), updated_at: input.now })
        .where("id", "=", num(row.id))
        .returningAll()
        .executeTakeFirstOrThrow();
      return ok(toRedemption(cancelled, row.customer_id));
    });
  } catch (e) {
    if (e instanceof EngineFailure) return err(e.error);
    throw e;
  }
}

export async function findRedemption(db: Db, input: { program: string; key: string }): Promise<Result<Redemption, EngineError>> {
  const program = await findProgram(db, input.program);
  if (!program.ok) return program;
  const row = await redemptionRow(db, program.value.id, input.key, false);
  return row ? ok(toRedemption(row, row.customer_id)) : unknown(input.key);
}

/** What a redemption gave the member: the code, the reward and its cost, under the attempt's key. */
export interface RedeemedCode {
  rewardId: string;
  code: string;
  points: number;
  key: string;
}

/** One redemption attempt: this member redeems this reward under this idempotency key. */
export interface RedemptionAttempt {
  program: string;
  customerId: string;
  rewardId: string;
  key: string;
  /** How long to wait for an earlier request of the attempt that is still running (default REDEMPTION_WAIT_MS). */
  waitMs?: number;
}

/** A request repeating a key waits this long for the first one (its platform call) before answering RedemptionInProgress. */
export const REDEMPTION_WAIT_MS = 5_000;

/**
 * The redemption already made under the attempt's key, once it has settled (confirmed or
 * cancelled); null when there is none (nothing spent yet under this key). While it is still
 * `reserved` — the first request is getting its code from the platform — this waits for it, up to
 * `waitMs`, then answers RedemptionInProgress (retryable: ask again with the same key). A key that
 * names a redemption of another member or of another reward is IdempotencyKeyReused.
 */
export async function priorRedemption(db: Db, input: RedemptionAttempt): Promise<Result<Redemption | null, EngineError>> {
  const until = Date.now() + (input.waitMs ?? REDEMPTION_WAIT_MS);
  for (let pause = 20; ; pause = Math.min(pause * 2, 200)) {
    const found = await findRedemption(db, { program: input.program, key: input.key });
    if (!found.ok) return found.error.code === "UnknownRedemption" ? ok(null) : found;
    const r = found.value;
    if (r.customerId !== input.customerId)
      return err({ code: "IdempotencyKeyReused", message: `idempotency key ${input.key} was used for another redemption`, key: input.key });
    if (r.rewardId !== input.rewardId)
      return err({
        code: "IdempotencyKeyReused",
        message: `idempotency key ${input.key} was used to redeem ${r.rewardId}, not ${input.rewardId}: use a new key for a new redemption`,
        key: input.key,
      });
    if (r.status !== "reserved") return ok(r);
    if (Date.now() + pause > until)
      return err({
        code: "RedemptionInProgress",
        message: `redemption ${input.key} is still being made: ask again with the same key`,
        key: input.key,
        retryable: true,
      });
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/** A settled redemption as the answer to a request repeating its key: its code, or why it failed (its points were given back). */
export function redemptionOutcome(r: Redemption): Result<RedeemedCode, EngineError> {
  if (r.status === "confirmed" && r.code) return ok({ rewardId: r.rewardId, code: r.code, points: r.points, key: r.key });
  if (r.status === "cancelled")
    return err({ code: "DiscountFailed", message: `redemption ${r.key} failed: ${r.error ?? "unknown error"}`, retryable: false });
  return err({ code: "RedemptionInProgress", message: `redemption ${r.key} is still being made`, key: r.key, retryable: true });
}

/**
 * Runs `attempt` (reserve → issue the code → confirm, under `input.key`) once per key: a request
 * repeating the key — a retry, a double click, a copy racing the first — gets the first one's
 * outcome (the same code) and spends nothing. Two requests that reserve at the same moment meet in
 * the spend's unique key: the one that loses gets AlreadyApplied from `attempt`, and waits for the
 * winner's outcome instead.
 */
export async function redeemOnce(
  db: Db,
  input: RedemptionAttempt,
  attempt: () => Promise<Result<RedeemedCode, EngineError>>,
): Promise<Result<RedeemedCode, EngineError>> {
  const earlier = await priorRedemption(db, input);
  if (!earlier.ok) return earlier;
  if (earlier.value) return redemptionOutcome(earlier.value);
  const done = await attempt();
  if (done.ok || done.error.code !== "AlreadyApplied") return done;
  const raced = await priorRedemption(db, input);
  if (!raced.ok) return raced;
  return raced.value ? redemptionOutcome(raced.value) : done;
}

/** Reservations older than `before` that were never confirmed or cancelled: their attempt died mid-way. */
export async function staleRedemptions(db: Db, input: { program: string; before: Date }): Promise<Result<Redemption[], EngineError>> {
  const program = await findProgram(db, input.program);
  if (!program.ok) return program;
  const rows = await db
    .selectFrom("kinship_redemption")
    .innerJoin("kinship_member", "kinship_member.id", "kinship_redemption.member_id")
    .selectAll("kinship_redemption")
    .select("kinship_member.customer_id")
    .where("kinship_redemption.program_id", "=", program.value.id)
    .where("kinship_redemption.status", "=", "reserved")
    .where("kinship_redemption.updated_at", "<", input.before)
    .orderBy("kinship_redemption.id")
    .execute();
  return ok(rows.map((r) => toRedemption(r, r.customer_id)));
}

async function redemptionRow(db: Db, programId: Program["id"], key: string, lock: boolean) {
  const q = db
    .selectFrom("kinship_redemption")
    .innerJoin("kinship_member", "kinship_member.id", "kinship_redemption.member_id")
    .selectAll("kinship_redemption")
    .select("kinship_member.customer_id")
    .where("kinship_redemption.program_id", "=", programId)
    .where("kinship_redemption.key", "=", key);
  return (lock ? q.forUpdate("kinship_redemption") : q).executeTakeFirst();
}

function toRedemption(r: Selectable<RedemptionTable>, customerId: string): Redemption {
  return {
    key: r.key,
    customerId,
    rewardId: r.reward_id,
    points: num(r.points),
    status: r.status,
    code: r.code,
    platformRef: r.platform_ref,
    error: r.error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function unknown(key: string): Result<never, EngineError> {
  return err({ code: "UnknownRedemption", message: `no redemption ${key}`, key });
}

function closed(key: string, status: "confirmed" | "cancelled"): Result<never, EngineError> {
  return err({ code: "RedemptionClosed", message: `redemption ${key} is already ${status}`, key, status });
}
