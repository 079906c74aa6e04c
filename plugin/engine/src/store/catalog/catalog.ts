import { sql } from "kysely";
import { z } from "zod";
import { type EngineError, ok, type Result } from "../../core/index.ts";
import type { PricedVariant } from "../../core/pricing/member-price.ts";
import type { Db } from "../db/connect.ts";
import { PREPARED } from "../db/prepared.ts";
import { num } from "../db/schema.ts";
import { findProgram } from "../programs/programs.ts";

/** Platform ids are strings: a 64-bit id loses digits as a JSON number, so a number is refused. */
const id = z
  .string({
    error: (i) => (i.input === undefined ? "required" : "ids must be strings (quote them: 64-bit ids lose digits as JSON numbers)"),
  })
  .min(1)
  .max(200);

/** GraphQL's Int is 32-bit: a larger price could be stored but never answered. */
export const MAX_PRICE = 2_147_483_647;

/** One variant of the catalog. Money is integer minor units. */
export const VariantInput = z.strictObject({
  variantId: id,
  productId: id.nullable().default(null),
  collectionIds: z.array(id).max(1000).default([]),
  price: z
    .number()
    .int("an integer amount in minor units (19.99 is 1999)")
    .nonnegative()
    .max(MAX_PRICE, `at most ${MAX_PRICE} minor units (the API's prices are 32-bit integers)`),
  currency: z.string().regex(/^[A-Z]{3}$/, "ISO 4217 code such as USD"),
});
export type VariantInput = z.input<typeof VariantInput>;
export type Variant = z.infer<typeof VariantInput>;

export type CatalogError = { code: "InvalidVariant"; message: string; issues: string[] };

/** Rows per INSERT: 6 parameters each keeps a batch far below Postgres' 65,535-parameter limit. */
const BATCH = 1000;

/** Every variant checked first: the parsed list, or every issue with its index. Nothing is written. */
export function parseVariants(input: readonly unknown[]): Result<Variant[], CatalogError> {
  const variants: Variant[] = [];
  const issues: string[] = [];
  input.forEach((raw, i) => {
    const parsed = VariantInput.safeParse(raw);
    if (parsed.success) variants.push(parsed.data);
    else for (const issue of parsed.error.issues) issues.push(`[${i}] ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  });
  if (issues.length > 0) return { ok: false, error: { code: "InvalidVariant", message: `invalid variants: ${issues.join("; ")}`, issues } };
  return ok(variants);
}

/**
 * Inserts or replaces variants of one program: validated first (a bad one writes nothing), then one
 * INSERT … ON CONFLICT per batch, all in one transaction. A variant listed twice keeps its last line.
 */
export async function upsertVariants(
  db: Db,
  programKey: string,
  input: readonly unknown[],
  now: Date,
): Promise<Result<{ upserted: number }, EngineError | CatalogError>> {
  const checked = await checkedVariants(db, programKey, input);
  if (!checked.ok) return checked;
  const { programId, latest } = checked.value;
  if (latest.length === 0) return ok({ upserted: 0 });
  await db.transaction().execute((trx) => writeVariants(trx, programId, latest, now));
  return ok({ upserted: latest.length });
}

/** Every variant checked (nothing written on a bad one), the program found, a variant listed twice kept by its last line. */
export async function checkedVariants(
  db: Db,
  programKey: string,
  input: readonly unknown[],
): Promise<Result<{ programId: number; latest: Variant[] }, EngineError | CatalogError>> {
  const parsed = parseVariants(input);
  if (!parsed.ok) return parsed;
  const program = await findProgram(db, programKey);
  if (!program.ok) return program;
  return ok({ programId: program.value.id, latest: [...new Map(parsed.value.map((v) => [v.variantId, v])).values()] });
}

/** Inserts or replaces checked variants, one INSERT … ON CONFLICT per batch, in the caller's transaction. */
export async function writeVariants(trx: Db, programId: number, variants: readonly Variant[], now: Date): Promise<void> {
  for (let i = 0; i < variants.length; i += BATCH) {
    const rows = variants.slice(i, i + BATCH).map((v) => ({
      program_id: programId,
      variant_id: v.variantId,
      product_id: v.productId,
      collection_ids: JSON.stringify(v.collectionIds),
      price: v.price,
      currency: v.currency,
      updated_at: now,
    }));
    await trx
      .insertInto("kinship_variant")
      .values(rows)
      .onConflict((oc) =>
        oc.columns(["program_id", "variant_id"]).doUpdateSet((eb) => ({
          product_id: eb.ref("excluded.product_id"),
          collection_ids: eb.ref("excluded.collection_ids"),
          price: eb.ref("excluded.price"),
          currency: eb.ref("excluded.currency"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
  }
}

/** The hot path of a product grid: one hand-written query for any number of variants of one program. */
export async function variantsByIds(db: Db, programId: number, ids: readonly string[]): Promise<PricedVariant[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{
    variant_id: string;
    product_id: string | null;
    collection_ids: string[];
    price: string | number | bigint;
    currency: string;
  }>`${sql.raw(PREPARED)} SELECT variant_id, product_id, collection_ids, price, currency
       FROM kinship_variant
      WHERE program_id = ${programId} AND variant_id = ANY(${[...ids]}::text[])`.execute(db);
  return rows.map((r) => ({
    variantId: r.variant_id,
    productId: r.product_id,
    collectionIds: r.collection_ids,
    price: num(r.price),
    currency: r.currency,
  }));
}

/** How many variants a program has (for the CLI and admin). */
export async function countVariants(db: Db, programId: number): Promise<number> {
  const row = await db
    .selectFrom("kinship_variant")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("program_id", "=", programId)
    .executeTakeFirst();
  return num(row?.n);
}
