import type { EarnRule } from "../config/schema.ts";
import { addDays } from "../time.ts";
import type { Draft } from "./draft.ts";
import { entry } from "./entry.ts";
import { lotExpiresAt } from "./expiry.ts";
import { settleDebt } from "./time-passes.ts";
import type { Lot, LotBasis, LotKind } from "./types.ts";

export interface EarnInput {
  key: string;
  kind: LotKind;
  points: number;
  earnedAt: Date;
  orderId: string | null;
  rule: EarnRule | null;
  basis: LotBasis;
  reason: string;
  actor?: string | null;
  /** Adjustments skip the return window. */
  immediate?: boolean;
}

/** A new lot and its earn entry; pending until the return window closes. */
export function earn(draft: Draft, input: EarnInput): Lot {
  const { config, now } = draft;
  const availableAt = input.immediate ? input.earnedAt : addDays(input.earnedAt, config.pendingDays);
  const available = availableAt <= now;
  const lot: Lot = {
    key: input.key,
    kind: input.kind,
    amount: input.points,
    remaining: input.points,
    reversed: 0,
    status: available ? "available" : "pending",
    earnedAt: input.earnedAt,
    availableAt,
    expiresAt: lotExpiresAt(config.expiry, input.earnedAt, config.timezone),
    orderId: input.orderId,
    ruleId: input.rule?.id ?? null,
    rule: input.rule,
    basis: input.basis,
  };
  draft.addLot(lot);
  draft.addEntry(
    entry({
      key: `${input.key}:earn`,
      kind: input.kind === "adjustment" ? "adjust" : "earn",
      availableDelta: available ? input.points : 0,
      pendingDelta: available ? 0 : input.points,
      lotKey: lot.key,
      orderId: input.orderId,
      reason: input.reason,
      actor: input.actor ?? null,
      occurredAt: input.earnedAt,
    }),
  );
  touchActivity(draft, input.earnedAt);
  if (available) settleDebt(draft, lot);
  return lot;
}

/** Activity only moves forward, so out-of-order delivery converges on the same value. */
export function touchActivity(draft: Draft, at: Date): void {
  const m = draft.requireMember();
  if (!m.lastActivityAt || m.lastActivityAt < at) m.lastActivityAt = at;
}
