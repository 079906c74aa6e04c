import { randomUUID } from "node:crypto";
import {
  cancelRedemption,
  confirmRedemption,
  type Engine,
  type EngineError,
  err,
  findRedemption,
  ok,
  type Redemption,
  type Result,
  reserveRedemption,
} from "@kinship/engine";
import { generateCode } from "./code.ts";
import type { DiscountFailed, DiscountIssuer, Issued } from "./issuers/types.ts";

export interface RedeemInput {
  engine: Pick<Engine, "connection">;
  issuer: DiscountIssuer;
  program: string;
  customerId: string;
  rewardId: string;
  now: Date;
  /**
   * The attempt's idempotency key (e.g. the client's request id). A call repeated with the same
   * key gets the first call's outcome and never spends again. Default: a fresh key, i.e. a new
   * redemption.
   */
  key?: string;
  /** Code generator (tests). */
  generateCode?: () => string;
}

export interface Redeemed {
  rewardId: string;
  code: string;
  points: number;
  /** The attempt's key: the redemption row and its spend (`spend:redeem:<key>`) carry it. */
  key: string;
}

/**
 * Redeems a reward: reserve the points (spend + `reserved` row, one transaction) → create the
 * code on the platform (outside any transaction) → confirm. If the platform refuses, throws, or
 * the confirmation cannot be written, the compensation cancels the spend — every lot gets its
 * points back exactly — and the answer is a typed error (DiscountFailed with the platform's
 * message).
 *
 * Retries: each call is one attempt under one key. Every step is idempotent by that key through
 * unique indexes (the spend's event key, the redemption row, the give-back entry
 * `unspend:redeem:<key>`), so a step run twice (a retried worker, compensation racing a late
 * confirmation) never spends or gives back twice; a caller retrying with the same `key` gets the
 * first outcome back. A call without a key is a new attempt, so a member can redeem a reward again.
 */
export async function redeem(input: RedeemInput): Promise<Result<Redeemed, EngineError>> {
  const { engine, issuer, program, customerId, rewardId, now } = input;
  const key = input.key ?? randomUUID();
  if (input.key !== undefined) {
    const earlier = await findRedemption(engine, { program, key });
    if (earlier.ok) return replay(earlier.value);
    if (earlier.error.code !== "UnknownRedemption") return earlier;
  }

  const reserved = await reserveRedemption(engine, { program, customerId, rewardId, key, now });
  if (!reserved.ok) {
    if (reserved.error.code !== "AlreadyApplied" || input.key === undefined) return reserved;
    const raced = await findRedemption(engine, { program, key });
    return raced.ok ? replay(raced.value) : reserved;
  }
  const { reward, currency } = reserved.value;
  const code = (input.generateCode ?? generateCode)();

  let issued: Result<Issued, DiscountFailed>;
  try {
    issued = await issuer.issue({ program, customerId, reward, code, currency, now });
  } catch (e) {
    issued = { ok: false, error: { code: "DiscountFailed", message: `${issuer.name}: ${(e as Error).message}`, retryable: true } };
  }
  if (!issued.ok) return compensate(input, key, issued.error, null);

  const done = { rewardId: reward.id, code: issued.value.code, points: reward.cost, key };
  let confirmed: Result<Redemption, EngineError>;
  try {
    confirmed = await confirmRedemption(engine, { program, key, code: issued.value.code, platformRef: issued.value.platformRef, now });
  } catch (e) {
    confirmed = err({ code: "DiscountFailed", message: `could not record code: ${(e as Error).message}`, retryable: true });
  }
  if (confirmed.ok) return ok(done);
  return compensate(input, key, { code: "DiscountFailed", message: confirmed.error.message, retryable: true }, issued.value);
}

/**
 * Gives the points back and withdraws a code that was created but not recorded. If the
 * redemption turns out confirmed after all (a confirmation that committed but did not answer),
 * the code stands and the redemption succeeded.
 */
async function compensate(
  input: RedeemInput,
  key: string,
  failure: DiscountFailed,
  issued: Issued | null,
): Promise<Result<Redeemed, EngineError>> {
  const { engine, issuer, program, now } = input;
  let cancelled: Result<Redemption, EngineError>;
  try {
    cancelled = await cancelRedemption(engine, { program, key, error: failure.message, now });
  } catch (e) {
    cancelled = err({ code: "DiscountFailed", message: (e as Error).message, retryable: true });
  }
  if (!cancelled.ok && cancelled.error.code === "RedemptionClosed" && cancelled.error.status === "confirmed") {
    const current = await findRedemption(engine, { program, key });
    if (current.ok) return replay(current.value);
  }
  if (cancelled.ok && issued) await issuer.revoke?.({ ...issued, program });
  // A failed compensation leaves the row `reserved`: releaseStaleRedemptions gives those points back.
  return err(failure);
}

/** The outcome of an attempt already made under this key. */
function replay(r: Redemption): Result<Redeemed, EngineError> {
  if (r.status === "confirmed" && r.code) return ok({ rewardId: r.rewardId, code: r.code, points: r.points, key: r.key });
  if (r.status === "cancelled")
    return err({ code: "DiscountFailed", message: `redemption ${r.key} failed: ${r.error ?? "unknown error"}`, retryable: false });
  return err({ code: "AlreadyApplied", message: `redemption ${r.key} is still in progress`, key: r.key });
}
