import { bind } from "../db/bind.ts";
import type { Db } from "../db/connect.ts";
import { evaluateTiers } from "./evaluate-tiers.ts";
import { expireDueLots } from "./expire.ts";
import { maintain } from "./maintain.ts";
import { matureDueLots } from "./mature.ts";

/** The engine's clock work, program by program (`maintain` runs all of it). */
export function jobsPort(db: Db) {
  return {
    maintain: bind(db, maintain),
    evaluateTiers: bind(db, evaluateTiers),
    expireDueLots: bind(db, expireDueLots),
    matureDueLots: bind(db, matureDueLots),
  };
}

export type JobsPort = ReturnType<typeof jobsPort>;
