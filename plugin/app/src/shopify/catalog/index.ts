export { BulkOperationError, runBulkQuery } from "./bulk-operation.ts";
export { CATALOG_BULK_QUERY, variantsOfCatalogFile } from "./catalog-file.ts";
export { jsonLines } from "./jsonl.ts";
export { CatalogLoadError, type CatalogLoaded, loadShopCatalog } from "./load.ts";
export { type CatalogLoadState, type CatalogLoads, catalogLoads, shopApi } from "./loads.ts";
export { CatalogLookupError, shopifyCatalogLookup } from "./lookup.ts";
export { workerCatalogLookup } from "./worker-lookup.ts";
