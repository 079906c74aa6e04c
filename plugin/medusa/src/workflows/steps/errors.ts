import type { EngineError, ErrorCode } from "@kinship/engine";
import { MedusaError } from "@medusajs/framework/utils";

/**
 * How Medusa should read each engine failure (its HTTP status, when a workflow error reaches
 * Medusa's error handler): every engine code is listed, so a new one cannot slip through untyped.
 */
const MEDUSA_TYPE = {
  UnknownProgram: MedusaError.Types.NOT_FOUND,
  UnknownMember: MedusaError.Types.NOT_FOUND,
  UnknownReward: MedusaError.Types.NOT_FOUND,
  UnknownRedemption: MedusaError.Types.NOT_FOUND,
  UnknownSpend: MedusaError.Types.NOT_FOUND,
  UnknownPartner: MedusaError.Types.NOT_FOUND,
  InvalidConfig: MedusaError.Types.INVALID_DATA,
  InvalidEvent: MedusaError.Types.INVALID_DATA,
  InvalidPerkCodes: MedusaError.Types.INVALID_DATA,
  InsufficientPoints: MedusaError.Types.NOT_ALLOWED,
  RewardNotAvailable: MedusaError.Types.NOT_ALLOWED,
  PerkNotAvailable: MedusaError.Types.NOT_ALLOWED,
  ClaimLimitReached: MedusaError.Types.NOT_ALLOWED,
  PerksSoldOut: MedusaError.Types.NOT_ALLOWED,
  AlreadyApplied: MedusaError.Types.CONFLICT,
  ProgramExists: MedusaError.Types.CONFLICT,
  ApiKeyExists: MedusaError.Types.CONFLICT,
  RedemptionClosed: MedusaError.Types.CONFLICT,
  RedemptionInProgress: MedusaError.Types.CONFLICT,
  IdempotencyKeyReused: MedusaError.Types.CONFLICT,
  DiscountFailed: MedusaError.Types.UNEXPECTED_STATE,
  ConfigConflict: MedusaError.Types.CONFLICT,
  UnknownTier: MedusaError.Types.NOT_FOUND,
  InvalidOverride: MedusaError.Types.INVALID_DATA,
  UnknownReferral: MedusaError.Types.NOT_FOUND,
  ReferralDecided: MedusaError.Types.CONFLICT,
  BirthdayLocked: MedusaError.Types.NOT_ALLOWED,
  InvalidEndpoint: MedusaError.Types.INVALID_DATA,
  UnknownEndpoint: MedusaError.Types.NOT_FOUND,
  InvalidMonth: MedusaError.Types.INVALID_DATA,
} as const satisfies Record<ErrorCode, string>;

/**
 * An engine failure as the error a workflow step throws: a MedusaError of the matching type with
 * the engine's code as its `code`, and the engine's error itself (`engineError`, with its details)
 * for the caller of the workflow. Medusa keeps all three when it serializes a step's error.
 */
export function stepError(error: EngineError): MedusaError & { engineError: EngineError } {
  return Object.assign(new MedusaError(MEDUSA_TYPE[error.code], error.message, error.code), { engineError: error });
}

/**
 * The engine failure behind a failed workflow's error (`errors[i].error` of a run with
 * throwOnError false): what a step threw with stepError. Anything else failed outside Kinship —
 * Medusa or a merchant's hook refused the promotion — and is DiscountFailed with its message.
 */
export function engineErrorOf(error: unknown): EngineError {
  const e = (error ?? {}) as { code?: unknown; message?: unknown; engineError?: Partial<EngineError> };
  const inner = e.engineError;
  if (MedusaError.isMedusaError(e) && typeof inner?.code === "string" && inner.code === e.code && Object.hasOwn(MEDUSA_TYPE, inner.code))
    return inner as EngineError;
  return { code: "DiscountFailed", message: typeof e.message === "string" ? e.message : String(error), retryable: false };
}
