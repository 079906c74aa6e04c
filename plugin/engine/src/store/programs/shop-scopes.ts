import { type EngineError, err, ok, type Result } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";

/** The access scopes a shop granted Kinship, and when that grant was made. */
export interface ShopScopes {
  granted: string[];
  at: Date;
}

/** `stale`: a grant made later is already recorded; `unknown`: no such shop is connected. */
export type ScopesRecorded = { recorded: true } | { recorded: false; reason: "stale" | "unknown" };

/** A Shopify scope handle: read_orders, write_customers, unauthenticated_read_product_listings. */
const SCOPE = /^[a-z][a-z0-9_]{0,99}$/;

/**
 * Records the scopes the shop grants as of `at` (an app/scopes_update's `updated_at`, or the
 * instant of a token exchange). Deliveries arrive unordered: a grant older than the one recorded
 * changes nothing. Scopes are kept sorted and once each.
 */
export async function recordShopScopes(
  db: Db,
  domain: string,
  granted: readonly string[],
  at: Date,
): Promise<Result<ScopesRecorded, Extract<EngineError, { code: "InvalidConfig" }>>> {
  const bad = granted.filter((s) => typeof s !== "string" || !SCOPE.test(s));
  if (bad.length > 0)
    return err({
      code: "InvalidConfig",
      message: `not access scopes: ${bad.map((s) => JSON.stringify(s)).join(", ")}`,
      issues: ["granted"],
    });
  if (!(at instanceof Date) || Number.isNaN(at.getTime()))
    return err({ code: "InvalidConfig", message: "a scope grant needs the instant it was made", issues: ["at"] });
  const scopes = [...new Set(granted)].sort().join(",");
  const r = await db
    .updateTable("kinship_shop")
    .set({ granted_scopes: scopes, scopes_granted_at: at })
    .where("domain", "=", domain)
    .where((eb) => eb.or([eb("scopes_granted_at", "is", null), eb("scopes_granted_at", "<", at)]))
    .executeTakeFirst();
  if (num(r.numUpdatedRows) > 0) return ok({ recorded: true });
  const row = await db.selectFrom("kinship_shop").select("domain").where("domain", "=", domain).executeTakeFirst();
  return ok({ recorded: false, reason: row ? "stale" : "unknown" });
}

/** The shop's recorded grant; null when the shop is unknown or no grant was ever recorded. */
export async function shopScopes(db: Db, domain: string): Promise<ShopScopes | null> {
  const row = await db
    .selectFrom("kinship_shop")
    .select(["granted_scopes", "scopes_granted_at"])
    .where("domain", "=", domain)
    .executeTakeFirst();
  if (!row || row.granted_scopes === null || row.scopes_granted_at === null) return null;
  return { granted: row.granted_scopes === "" ? [] : row.granted_scopes.split(","), at: row.scopes_granted_at };
}
