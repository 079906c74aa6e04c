import type { Engine } from "@kinship/engine";
import { type AdminApi, BulkOperationError, type BulkQueryOptions, runBulkQuery } from "./bulk-operation.ts";
import { CATALOG_BULK_QUERY, variantsOfCatalogFile } from "./catalog-file.ts";
import { jsonLines } from "./jsonl.ts";

export interface CatalogLoadOptions extends BulkQueryOptions {
  engine: Engine;
  shop: string;
  api: AdminApi;
  now: () => Date;
  /** Downloads the JSONL file (default: global fetch). */
  fetch?: typeof fetch;
}

export interface CatalogLoaded {
  variants: number;
  /** Variants of the previous catalog no longer in the shop. */
  removed: number;
}

/** A catalog load that stored nothing, and why. */
export class CatalogLoadError extends Error {
  override readonly name = "CatalogLoadError";
  readonly retryable: boolean;
  constructor(message: string, retryable: boolean) {
    super(message);
    this.retryable = retryable;
  }
}

/**
 * Loads a shop's whole catalog: a bulk query (products, variants, prices, collections), its JSONL
 * file read line by line, then the program's catalog replaced by it in one transaction (variants
 * no longer in the shop removed). Shopify is asked and the file read before any database write:
 * no transaction is open while Shopify answers, and a failure anywhere stores nothing.
 */
export async function loadShopCatalog(options: CatalogLoadOptions): Promise<CatalogLoaded> {
  const { engine, shop, api } = options;
  const program = await engine.program(shop);
  if (!program.ok) throw new CatalogLoadError(`no Kinship program for ${shop}`, false);
  const currency = program.value.config.currency;
  let file: { url: string | null };
  try {
    file = await runBulkQuery(api, CATALOG_BULK_QUERY, options);
  } catch (e) {
    if (e instanceof BulkOperationError) throw new CatalogLoadError(`${shop}'s catalog was not loaded: ${e.message}`, e.retryable);
    throw e;
  }
  let variants: Awaited<ReturnType<typeof variantsOfCatalogFile>> = [];
  if (file.url) {
    const res = await (options.fetch ?? fetch)(file.url);
    if (!res.ok || !res.body)
      throw new CatalogLoadError(`${shop}'s catalog was not loaded: its bulk file answered HTTP ${res.status}`, res.status >= 500);
    try {
      variants = await variantsOfCatalogFile(jsonLines(res.body), currency);
    } catch (e) {
      throw new CatalogLoadError(`${shop}'s catalog was not loaded: ${(e as Error).message}`, false);
    }
  }
  const stored = await engine.catalog.replace(shop, variants, options.now());
  if (!stored.ok) throw new CatalogLoadError(`${shop}'s catalog was not loaded: ${stored.error.message}`, false);
  return stored.value;
}
