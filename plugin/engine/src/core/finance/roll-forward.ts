import type { FinancePeriod } from "./month.ts";
import { type PointValue, valuePoints } from "./valuation.ts";

/**
 * Points that moved in a period by what moved them, each signed the way the roll-forward reads it:
 * issued, adjusted and other add; redeemed, expired and reversed are taken away.
 */
export interface Movements {
  issued: bigint;
  redeemed: bigint;
  expired: bigint;
  reversed: bigint;
  adjusted: bigint;
  other: bigint;
}

export interface RollForwardFigures extends Movements {
  opening: bigint;
  closing: bigint;
}

export interface RollForward extends RollForwardFigures {
  period: string;
  start: Date;
  end: Date;
  money: RollForwardFigures & { currency: string };
  /** The ledger's own Σ(available + pending) at the period's end, summed without the kinds. */
  ledgerClosing: bigint;
  /** closing equals ledgerClosing (and opening the ledger's sum at the start). */
  reconciled: boolean;
}

export const NO_MOVEMENTS: Movements = { issued: 0n, redeemed: 0n, expired: 0n, reversed: 0n, adjusted: 0n, other: 0n };

/** The order the money of the movements is taken in (see moneyOf). */
const STEPS: { key: keyof Movements; sign: 1n | -1n }[] = [
  { key: "issued", sign: 1n },
  { key: "redeemed", sign: -1n },
  { key: "expired", sign: -1n },
  { key: "reversed", sign: -1n },
  { key: "adjusted", sign: 1n },
  { key: "other", sign: 1n },
];

export function addMovements(a: Movements, b: Movements): Movements {
  return {
    issued: a.issued + b.issued,
    redeemed: a.redeemed + b.redeemed,
    expired: a.expired + b.expired,
    reversed: a.reversed + b.reversed,
    adjusted: a.adjusted + b.adjusted,
    other: a.other + b.other,
  };
}

export function closingOf(opening: bigint, m: Movements): bigint {
  return STEPS.reduce((balance, s) => balance + s.sign * m[s.key], opening);
}

/**
 * The period in money: the opening balance valued, then each movement as the value of the running
 * balance after it less the value before it (issued, redeemed, expired, reversed, adjusted, other),
 * so money closes exactly on the closing balance valued and a movement of 0 points is worth 0.
 */
export function moneyOf(opening: bigint, m: Movements, value: PointValue): RollForwardFigures {
  let balance = opening;
  let worth = valuePoints(opening, value);
  const money = { opening: worth } as RollForwardFigures;
  for (const s of STEPS) {
    balance += s.sign * m[s.key];
    const next = valuePoints(balance, value);
    money[s.key] = s.sign * (next - worth);
    worth = next;
  }
  money.closing = worth;
  return money;
}

/** One period of the roll-forward, checked against the ledger's own sums at its start and end. */
export function rollForward(
  p: FinancePeriod,
  opening: bigint,
  m: Movements,
  ledger: { atStart: bigint; atEnd: bigint },
  value: PointValue,
  currency: string,
): RollForward {
  const closing = closingOf(opening, m);
  return {
    period: p.period,
    start: p.start,
    end: p.end,
    opening,
    ...m,
    closing,
    money: { currency, ...moneyOf(opening, m, value) },
    ledgerClosing: ledger.atEnd,
    reconciled: opening === ledger.atStart && closing === ledger.atEnd,
  };
}
