import { bind } from "../db/bind.ts";
import type { Db } from "../db/connect.ts";
import { countVariants, upsertVariants, variantsByIds } from "./catalog.ts";
import { applyCatalogChange, replaceCatalog } from "./changes.ts";

export function catalogPort(db: Db) {
  return {
    upsert: bind(db, upsertVariants),
    /** The program's whole catalog replaced by this list (a platform's full load): variants not in it are removed. */
    replace: bind(db, replaceCatalog),
    /** One product or collection change (a platform's webhook), with what the platform was asked. */
    change: bind(db, applyCatalogChange),
    byIds: bind(db, variantsByIds),
    count: bind(db, countVariants),
  };
}

export type CatalogPort = ReturnType<typeof catalogPort>;
