import { sql } from "kysely";
import { AmountError, type CatalogChange, type CatalogCollections, type EngineError, ok, type Result, toMinor } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { findProgram } from "../programs/programs.ts";
import { type CatalogError, checkedVariants, parseVariants, type Variant, writeVariants } from "./catalog.ts";

/** What the platform said beyond the webhook: a product's collections, or a collection's products. */
export interface CatalogFacts {
  collectionIds?: readonly string[];
  productIds?: readonly string[];
}

export interface CatalogChangeOptions {
  /** Runs in the change's transaction (an inbox row settled with it). */
  alsoInTransaction?: (trx: Db) => Promise<void>;
}

/**
 * Writes one catalog change, in one transaction. A product's variants are replaced (those no longer
 * listed removed) with prices converted in the program's currency; a collection's membership is
 * set on exactly the variants of the products the platform lists. Idempotent: running it again
 * writes the same rows.
 */
export async function applyCatalogChange(
  db: Db,
  programKey: string,
  change: CatalogChange,
  facts: CatalogFacts,
  now: Date,
  options: CatalogChangeOptions = {},
): Promise<Result<{ variants: number }, EngineError | CatalogError>> {
  const program = await findProgram(db, programKey);
  if (!program.ok) return program;
  const programId = program.value.id;
  const currency = program.value.config.currency;
  const also = options.alsoInTransaction ?? (async () => {});
  switch (change.type) {
    case "product.changed": {
      const collectionIds = facts.collectionIds;
      if (!collectionIds) throw new Error(`bug: product ${change.productId}'s collections were not read`);
      const priced = pricedVariants(change, [...collectionIds], currency);
      if (!priced.ok) return priced;
      const variants = priced.value;
      await db.transaction().execute(async (trx) => {
        await sql`DELETE FROM kinship_variant
                   WHERE program_id = ${programId} AND product_id = ${change.productId}
                     AND NOT (variant_id = ANY(${variants.map((v) => v.variantId)}::text[]))`.execute(trx);
        await writeVariants(trx, programId, variants, now);
        await also(trx);
      });
      return ok({ variants: variants.length });
    }
    case "product.deleted": {
      const n = await db.transaction().execute(async (trx) => {
        const r = await sql`DELETE FROM kinship_variant WHERE program_id = ${programId} AND product_id = ${change.productId}`.execute(trx);
        await also(trx);
        return Number(r.numAffectedRows ?? 0);
      });
      return ok({ variants: n });
    }
    case "collection.changed": {
      const productIds = facts.productIds;
      if (!productIds) throw new Error(`bug: collection ${change.collectionId}'s products were not read`);
      const cid = change.collectionId;
      const n = await db.transaction().execute(async (trx) => {
        const left = await sql`UPDATE kinship_variant
                   SET collection_ids = collection_ids - ${cid}::text, updated_at = ${now}
                 WHERE program_id = ${programId} AND collection_ids @> jsonb_build_array(${cid}::text)
                   AND (product_id IS NULL OR NOT (product_id = ANY(${[...productIds]}::text[])))`.execute(trx);
        const joined = await sql`UPDATE kinship_variant
                   SET collection_ids = collection_ids || jsonb_build_array(${cid}::text), updated_at = ${now}
                 WHERE program_id = ${programId} AND product_id = ANY(${[...productIds]}::text[])
                   AND NOT collection_ids @> jsonb_build_array(${cid}::text)`.execute(trx);
        await also(trx);
        return Number(left.numAffectedRows ?? 0) + Number(joined.numAffectedRows ?? 0);
      });
      return ok({ variants: n });
    }
    case "collection.deleted": {
      const cid = change.collectionId;
      const n = await db.transaction().execute(async (trx) => {
        const r = await sql`UPDATE kinship_variant
                   SET collection_ids = collection_ids - ${cid}::text, updated_at = ${now}
                 WHERE program_id = ${programId} AND collection_ids @> jsonb_build_array(${cid}::text)`.execute(trx);
        await also(trx);
        return Number(r.numAffectedRows ?? 0);
      });
      return ok({ variants: n });
    }
  }
}

/** A product's variants with prices in minor units of the program's currency, validated like any catalog row. */
function pricedVariants(
  change: Extract<CatalogChange, { type: "product.changed" }>,
  collectionIds: string[],
  currency: string,
): Result<Variant[], CatalogError> {
  const issues: string[] = [];
  const rows = change.variants.map((v, i) => {
    let price = -1;
    try {
      price = toMinor(v.price, currency);
    } catch (e) {
      if (!(e instanceof AmountError)) throw e;
      issues.push(`[${i}] price: ${e.message.replace(/^amount: /, "")}`);
    }
    return { variantId: v.variantId, productId: change.productId, collectionIds, price, currency };
  });
  if (issues.length > 0) {
    const error: CatalogError = {
      code: "InvalidVariant",
      message: `invalid variants of product ${change.productId}: ${issues.join("; ")}`,
      issues,
    };
    return { ok: false, error };
  }
  return parseVariants(rows);
}

/**
 * Replaces a program's whole catalog: every variant checked first (a bad one writes nothing), then
 * in one transaction the variants not in the new list are deleted and the others written.
 */
export async function replaceCatalog(
  db: Db,
  programKey: string,
  input: readonly unknown[],
  now: Date,
): Promise<Result<{ variants: number; removed: number }, EngineError | CatalogError>> {
  const checked = await checkedVariants(db, programKey, input);
  if (!checked.ok) return checked;
  const { programId, latest } = checked.value;
  const removed = await db.transaction().execute(async (trx) => {
    const r = await sql`DELETE FROM kinship_variant
               WHERE program_id = ${programId} AND NOT (variant_id = ANY(${latest.map((v) => v.variantId)}::text[]))`.execute(trx);
    await writeVariants(trx, programId, latest, now);
    return Number(r.numAffectedRows ?? 0);
  });
  return ok({ variants: latest.length, removed });
}

/** The catalog rows an order's bare lines need (by variant id or product id), inside the caller's transaction. */
export async function catalogCollections(
  db: Db,
  programId: number,
  ids: { variantIds: readonly string[]; productIds: readonly string[] },
): Promise<CatalogCollections[]> {
  const { rows } = await sql<{ variant_id: string; product_id: string | null; collection_ids: string[] }>`
    SELECT variant_id, product_id, collection_ids FROM kinship_variant
     WHERE program_id = ${programId}
       AND (variant_id = ANY(${[...ids.variantIds]}::text[]) OR product_id = ANY(${[...ids.productIds]}::text[]))`.execute(db);
  return rows.map((r) => ({ variantId: r.variant_id, productId: r.product_id, collectionIds: r.collection_ids }));
}
