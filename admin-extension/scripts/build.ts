/**
 * Builds the Shopify embedded admin (admin-extension/shopify) into dist/shopify/:
 *   app-<hash>.js       the React SPA (Polaris, the shared hooks), ESM, minified
 *   polaris-<hash>.css  Polaris's stylesheet, copied as shipped
 *   manifest.json       { script, stylesheet }: the hashed names the app server's shell links to
 *
 *   node scripts/build.ts [--out <dir>]
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface AdminManifest {
  script: string;
  stylesheet: string;
}

export async function buildShopifyAdmin({ outdir = join(root, "dist/shopify") } = {}): Promise<AdminManifest> {
  await mkdir(outdir, { recursive: true });
  // Old hashed files would pile up with every build: the manifest names the only current ones.
  for (const file of await readdir(outdir)) if (/^(app|polaris)-/.test(file)) await rm(join(outdir, file));
  const result = await build({
    entryPoints: { app: join(root, "shopify/main.tsx") },
    outdir,
    entryNames: "[name]-[hash]",
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
  });
  const script = Object.keys(result.metafile.outputs).find((path) => path.endsWith(".js"));
  if (!script) throw new Error("esbuild wrote no script");
  const css = await readFile(createRequire(import.meta.url).resolve("@shopify/polaris/build/esm/styles.css"));
  const stylesheet = `polaris-${createHash("sha256").update(css).digest("hex").slice(0, 12)}.css`;
  await writeFile(join(outdir, stylesheet), css);
  const manifest: AdminManifest = { script: basename(script), stylesheet };
  await writeFile(join(outdir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const manifest = await buildShopifyAdmin(values.out ? { outdir: resolve(values.out) } : {});
  console.log(`admin-extension/dist/shopify: ${manifest.script}, ${manifest.stylesheet}`);
}
