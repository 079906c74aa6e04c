/** Expected failures are values, not exceptions (see DESIGN: typed results). */
export type EngineError =
  | { code: "UnknownProgram"; message: string; program: string }
  | { code: "InvalidConfig"; message: string; issues: string[] }
  | { code: "InvalidEvent"; message: string; issues: string[] }
  | { code: "InsufficientPoints"; message: string; available: number; requested: number }
  | { code: "UnknownMember"; message: string; customerId: string }
  | { code: "AlreadyApplied"; message: string; key: string }
  | { code: "ProgramExists"; message: string; program: string }
  /** A live API key of the program already has this name (a re-run of `apikey create`): revoke it or pick another name. */
  | { code: "ApiKeyExists"; message: string; name: string; prefix: string }
  | { code: "UnknownSpend"; message: string; spendKey: string }
  | { code: "UnknownReward"; message: string; rewardId: string }
  | { code: "RewardNotAvailable"; message: string; rewardId: string }
  | { code: "UnknownRedemption"; message: string; key: string }
  | { code: "RedemptionClosed"; message: string; key: string; status: "confirmed" | "cancelled" }
  /** The redemption under this idempotency key is still being made: ask again with the same key. */
  | { code: "RedemptionInProgress"; message: string; key: string; retryable: true }
  /** An idempotency key already used for a different request (another reward, another adjustment). */
  | { code: "IdempotencyKeyReused"; message: string; key: string }
  | { code: "UnknownPartner"; message: string; partner: string }
  | { code: "InvalidPerkCodes"; message: string; issues: string[] }
  | { code: "PerkNotAvailable"; message: string; partner: string }
  | { code: "ClaimLimitReached"; message: string; partner: string; limit: number }
  | { code: "PerksSoldOut"; message: string; partner: string }
  /** The platform would not create the discount; the points were given back. */
  | { code: "DiscountFailed"; message: string; retryable: boolean }
  /** The program's config changed since the version the editor loaded: nothing was saved. */
  | { code: "ConfigConflict"; message: string; currentVersion: number }
  | { code: "UnknownTier"; message: string; tier: string }
  | { code: "InvalidOverride"; message: string; issues: string[] }
  | { code: "UnknownReferral"; message: string; id: string }
  /** The opposite decision on a referral already decided (or void): nothing changed. */
  | { code: "ReferralDecided"; message: string; id: string; status: string }
  /** The member already gave a different birthday: it is set once. */
  | { code: "BirthdayLocked"; message: string; customerId: string }
  /** A webhook endpoint's url, topics or description refused: nothing was saved. */
  | { code: "InvalidEndpoint"; message: string; issues: string[] }
  | { code: "UnknownEndpoint"; message: string; id: string }
  /** A report's month that is not YYYY-MM, or has not started yet. */
  | { code: "InvalidMonth"; message: string; month: string };

export type ErrorCode = EngineError["code"];

export type Result<T, E = EngineError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E extends EngineError>(error: E): Result<never, E> => ({ ok: false, error });

/** Thrown only by the store when a typed failure must abort a transaction. */
export class EngineFailure extends Error {
  readonly error: EngineError;
  constructor(error: EngineError) {
    super(error.message);
    this.error = error;
  }
}
