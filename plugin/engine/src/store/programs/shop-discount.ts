import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";

/** The shop's member-price discount on Shopify, as Kinship last left it. */
export interface ShopDiscount {
  /** The automatic app discount's GraphQL id; null while none was created. */
  id: string | null;
  /** The hash of the config last written to its metafields. */
  configHash: string | null;
  /** Why checkout does not (fully) charge member prices, for the app home; null when nothing is wrong. */
  problem: string | null;
}

/** The shop's discount record; null when no such shop is connected. */
export async function shopDiscount(db: Db, domain: string): Promise<ShopDiscount | null> {
  const row = await db
    .selectFrom("kinship_shop")
    .select(["discount_id", "discount_config_hash", "discount_problem"])
    .where("domain", "=", domain)
    .executeTakeFirst();
  return row ? { id: row.discount_id, configHash: row.discount_config_hash, problem: row.discount_problem } : null;
}

/** Records the shop's discount; false when the shop is unknown or uninstalled (its discount is gone with the app). */
export async function recordShopDiscount(db: Db, domain: string, discount: ShopDiscount): Promise<boolean> {
  const r = await db
    .updateTable("kinship_shop")
    .set({ discount_id: discount.id, discount_config_hash: discount.configHash, discount_problem: discount.problem })
    .where("domain", "=", domain)
    .where("uninstalled_at", "is", null)
    .executeTakeFirst();
  return num(r.numUpdatedRows) > 0;
}
