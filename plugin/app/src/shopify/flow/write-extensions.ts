import { mkdirSync, writeFileSync } from "node:fs";
import { triggerExtensions } from "./extension-toml.ts";

/** Writes every Flow trigger's extension toml from triggers.ts (`node plugin/app/src/shopify/flow/write-extensions.ts`). */
const root = new URL("../../../extensions/", import.meta.url);
for (const { dir, toml } of triggerExtensions()) {
  const folder = new URL(`${dir}/`, root);
  mkdirSync(folder, { recursive: true });
  writeFileSync(new URL("shopify.extension.toml", folder), toml);
}
