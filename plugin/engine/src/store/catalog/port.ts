import { bind } from "../db/bind.ts";
import type { Db } from "../db/connect.ts";
import { countVariants, upsertVariants, variantsByIds } from "./catalog.ts";

export function catalogPort(db: Db) {
  return { upsert: bind(db, upsertVariants), byIds: bind(db, variantsByIds), count: bind(db, countVariants) };
}

export type CatalogPort = ReturnType<typeof catalogPort>;
