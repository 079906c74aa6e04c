/**
 * Builds the Shopify embedded admin (admin-extension/shopify) into dist/shopify/:
 *   app-<hash>.js       the React SPA's entry (Polaris, the shell, the shared hooks), ESM, minified
 *   chunk-<hash>.js     each screen and what only it needs (charts, the condition builder), loaded on first visit
 *   polaris-<hash>.css  Polaris's stylesheet, copied as shipped
 *   manifest.json       { script, stylesheet, chunks }: the hashed names the app server serves
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
  /** The lazily loaded screens' chunks and the code they share. */
  chunks: string[];
  /** The chunks the entry imports statically: the shell preloads them with the entry, saving a round trip. */
  preload: string[];
}

export async function buildShopifyAdmin({ outdir = join(root, "dist/shopify") } = {}): Promise<AdminManifest> {
  await mkdir(outdir, { recursive: true });
  // Old hashed files would pile up with every build: the manifest names the only current ones.
  for (const file of await readdir(outdir)) if (/^(app|polaris|chunk)-/.test(file)) await rm(join(outdir, file));
  const result = await build({
    entryPoints: { app: join(root, "shopify/main.tsx") },
    outdir,
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    // Each screen is a chunk of its own (React.lazy in routes.tsx): a screen's first paint does not wait for the others' code.
    splitting: true,
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
  const outputs = Object.entries(result.metafile.outputs).filter(([path]) => path.endsWith(".js"));
  const script = outputs.find(([path]) => basename(path).startsWith("app-"))?.[0];
  if (!script) throw new Error("esbuild wrote no script");
  const chunks = outputs.map(([path]) => basename(path)).filter((name) => name !== basename(script));
  const preload = (result.metafile.outputs[script]?.imports ?? [])
    .filter((i) => i.kind === "import-statement")
    .map((i) => basename(i.path));
  const css = await readFile(createRequire(import.meta.url).resolve("@shopify/polaris/build/esm/styles.css"));
  const stylesheet = `polaris-${createHash("sha256").update(css).digest("hex").slice(0, 12)}.css`;
  await writeFile(join(outdir, stylesheet), css);
  const manifest: AdminManifest = { script: basename(script), stylesheet, chunks, preload };
  await writeFile(join(outdir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const manifest = await buildShopifyAdmin(values.out ? { outdir: resolve(values.out) } : {});
  console.log(`admin-extension/dist/shopify: ${manifest.script}, ${manifest.stylesheet}`);
}
