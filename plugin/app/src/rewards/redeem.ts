import { randomUUID } from "node:crypto";
import { type Engine, type EngineError, err, ok, type Redemption, type Result } from "@kinship/engine";
import { generateCode } from "./code.ts";
import type { DiscountFailed, DiscountIssuer, Issued } from "./issuers/types.ts";

export interface RedeemInput {
  engine: Pick<Engine, "redemptions">;
  issuer: DiscountIssuer;
  program: string;
  customerId: string;
  rewardId: string;
  now: Date;
  /**
   * The attempt's idempotency key (e.g. the client's, scoped to the customer). Calls with the same
   * key make one redemption: a repeat — also one racing the first — gets its outcome (the same
   * code) and never spends again; a key already used for another reward or customer is refused
   * (IdempotencyKeyReused). Default: a fresh key, i.e. a new redemption.
   */
  key?: string;
  /** How long a repeat waits for the first call of its key to finish (default: the engine's REDEMPTION_WAIT_MS). */
  waitMs?: number;
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
 * confirmation) never spends or gives back twice; a caller repeating a `key` gets the first
 * outcome back (redemptions.once: it waits while the first call is still getting its code). A call
 * without a key is a new attempt, so a member can redeem a reward again.
 */
export async function redeem(input: RedeemInput): Promise<Result<Redeemed, EngineError>> {
  const { engine, program, customerId, rewardId } = input;
  if (input.key === undefined) return attempt(input, randomUUID());
  const key = input.key;
  const once = { program, customerId, rewardId, key, ...(input.waitMs === undefined ? {} : { waitMs: input.waitMs }) };
  return engine.redemptions.once(once, () => attempt(input, key));
}

/** One attempt under `key`: reserve → issue → confirm, compensated on failure. */
async function attempt(input: RedeemInput, key: string): Promise<Result<Redeemed, EngineError>> {
  const { engine, issuer, program, customerId, rewardId, now } = input;
  const reserved = await engine.redemptions.reserve({ program, customerId, rewardId, key, now });
  if (!reserved.ok) return reserved;
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
    confirmed = await engine.redemptions.confirm({ program, key, code: issued.value.code, platformRef: issued.value.platformRef, now });
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
    cancelled = await engine.redemptions.cancel({ program, key, error: failure.message, now });
  } catch (e) {
    cancelled = err({ code: "DiscountFailed", message: (e as Error).message, retryable: true });
  }
  if (!cancelled.ok && cancelled.error.code === "RedemptionClosed" && cancelled.error.status === "confirmed") {
    const current = await engine.redemptions.find({ program, key });
    if (current.ok) return engine.redemptions.outcome(current.value);
  }
  if (cancelled.ok && issued) await issuer.revoke?.({ ...issued, program });
  // A failed compensation leaves the row `reserved`: releaseStaleRedemptions gives those points back.
  return err(failure);
}
