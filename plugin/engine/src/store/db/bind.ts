import type { Db } from "./connect.ts";

type Bound<F> = F extends (db: Db, ...rest: infer A) => infer R ? (...rest: A) => R : never;

/** A store function with its database filled in: what a port hands to the engine's callers. */
export function bind<F extends (db: Db, ...rest: never[]) => unknown>(db: Db, f: F): Bound<F> {
  return ((...rest: never[]) => f(db, ...rest)) as Bound<F>;
}
