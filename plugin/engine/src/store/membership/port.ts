import { bind } from "../db/bind.ts";
import type { Db } from "../db/connect.ts";
import { memberValue } from "./member-value.ts";
import { planStats } from "./stats.ts";

/** Paid membership's reads: a member's value realised, every plan's members. */
export function membershipPort(db: Db) {
  return { value: bind(db, memberValue), planStats: bind(db, planStats) };
}

export type MembershipPort = ReturnType<typeof membershipPort>;
