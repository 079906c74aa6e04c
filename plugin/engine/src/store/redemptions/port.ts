import { bind } from "../db/bind.ts";
import type { Db } from "../db/connect.ts";
import {
  cancelRedemption,
  confirmRedemption,
  findRedemption,
  priorRedemption,
  redeemOnce,
  redemptionOutcome,
  reserveRedemption,
  staleRedemptions,
} from "./redemptions.ts";

/** Redemption's three steps (reserve → the platform issues a code → confirm, or cancel), each idempotent by its key. */
export function redemptionsPort(db: Db) {
  return {
    reserve: bind(db, reserveRedemption),
    confirm: bind(db, confirmRedemption),
    cancel: bind(db, cancelRedemption),
    find: bind(db, findRedemption),
    stale: bind(db, staleRedemptions),
    /** The settled redemption under an attempt's key (waiting while it runs), for a request repeating it. */
    prior: bind(db, priorRedemption),
    /** One redemption per key: a request repeating a key gets the first one's outcome. */
    once: bind(db, redeemOnce),
    /** What a stored redemption answers: its code, its failure, or still in progress. */
    outcome: redemptionOutcome,
  };
}

export type RedemptionsPort = ReturnType<typeof redemptionsPort>;
