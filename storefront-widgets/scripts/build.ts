/**
 * Builds the widgets:
 *   dist/embed.js         theme embed (custom elements), IIFE, es2019, minified; budget 10,000 bytes gzipped
 *   dist/loyalty.js       the embed's rewards, partner perks and expiring points elements, on top of embed.js
 *                         (Shopify's theme-check holds each block's file to 10,000 bytes as shipped)
 *   dist/referral.js      the app embed's referral capture (?ref= and the device id into cookies and the cart)
 *   dist/launcher-loader.js  the launcher block's loader (part of the page's initial script, with the embed)
 *   dist/launcher.js      the launcher's panel, fetched by the loader on the first open only
 *   dist/widgets.js       the React components as ESM, `react` and `react/jsx-runtime` left external
 *   dist/vendor/react.js  React 18 + react-dom/client + jsx-runtime as one ESM file, for pages without a
 *                         bundler: map "react", "react/jsx-runtime" and "react-dom/client" to it
 * and copies the theme's scripts (THEME_ASSETS) to the theme app extension's assets.
 *
 *   node scripts/build.ts [--out <dir>] [--no-theme]
 */
import { copyFile, mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Shopify's limit for a theme app extension's JavaScript, compressed. */
export const EMBED_BUDGET = 10_000;

const production = { "process.env.NODE_ENV": '"production"' };

/** Copied to extensions/kinship-theme/assets/. */
export const THEME_ASSETS = ["embed.js", "referral.js", "loyalty.js", "launcher-loader.js", "launcher.js"] as const;

export interface BuildResult {
  outdir: string;
  embedBytes: number;
  embedGzipBytes: number;
  /** The launcher's loader, which every page with the launcher loads (with the embed). */
  loaderGzipBytes: number;
  /** The launcher's panel, fetched on the first open only. */
  launcherGzipBytes: number;
}

/** The theme's scripts: IIFE, es2019, minified. */
const themeScript = (entry: string, outfile: string) =>
  build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2019",
    legalComments: "none",
    logLevel: "warning",
  });

export async function buildWidgets({ outdir = join(root, "dist"), theme = true } = {}): Promise<BuildResult> {
  await mkdir(join(outdir, "vendor"), { recursive: true });
  await Promise.all([
    themeScript(join(root, "src/embed/index.ts"), join(outdir, "embed.js")),
    themeScript(join(root, "src/launcher/loader-entry.ts"), join(outdir, "launcher-loader.js")),
    themeScript(join(root, "src/launcher/index.ts"), join(outdir, "launcher.js")),
    themeScript(join(root, "src/embed/loyalty.ts"), join(outdir, "loyalty.js")),
    themeScript(join(root, "src/embed/referral-entry.ts"), join(outdir, "referral.js")),
    build({
      entryPoints: [join(root, "src/index.ts")],
      outfile: join(outdir, "widgets.js"),
      bundle: true,
      minify: true,
      sourcemap: true,
      format: "esm",
      target: "es2020",
      platform: "browser",
      jsx: "automatic",
      external: ["react", "react/jsx-runtime", "react-dom"],
      define: production,
      logLevel: "warning",
    }),
    build({
      stdin: { contents: vendorEntry(), resolveDir: root, sourcefile: "vendor-react.js" },
      outfile: join(outdir, "vendor/react.js"),
      bundle: true,
      minify: true,
      format: "esm",
      target: "es2020",
      platform: "browser",
      define: production,
      logLevel: "warning",
    }),
  ]);
  const embed = await readFile(join(outdir, "embed.js"));
  const gz = async (file: string) => gzipSync(await readFile(join(outdir, file)), { level: 9 }).length;
  if (theme) for (const file of THEME_ASSETS) await copyFile(join(outdir, file), join(root, "extensions/kinship-theme/assets", file));
  return {
    outdir,
    embedBytes: embed.length,
    embedGzipBytes: gzipSync(embed, { level: 9 }).length,
    loaderGzipBytes: await gz("launcher-loader.js"),
    launcherGzipBytes: await gz("launcher.js"),
  };
}

/** React is CommonJS: name every export so the ESM file can be imported by name. */
function vendorEntry(): string {
  const require = createRequire(join(root, "package.json"));
  const names = (id: string, skip: string[] = []) =>
    Object.keys(require(id)).filter((k) => k !== "default" && !skip.includes(k) && /^[A-Za-z_$][\w$]*$/.test(k));
  const react = names("react");
  return [
    'import React from "react";',
    'import * as JSX from "react/jsx-runtime";',
    'import * as Client from "react-dom/client";',
    "export default React;",
    `export const { ${react.join(", ")} } = React;`,
    `export const { ${names("react/jsx-runtime", react).join(", ")} } = JSX;`,
    `export const { ${names("react-dom/client", react).join(", ")} } = Client;`,
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: "string" }, "no-theme": { type: "boolean" } } });
  const r = await buildWidgets({ outdir: values.out ? resolve(values.out) : undefined, theme: !values["no-theme"] });
  console.log(`dist/embed.js: ${r.embedBytes} bytes, ${r.embedGzipBytes} bytes gzipped (budget ${EMBED_BUDGET})`);
  console.log(`dist/launcher-loader.js: ${r.loaderGzipBytes} bytes gzipped; dist/launcher.js (lazy): ${r.launcherGzipBytes} bytes gzipped`);
  if (r.embedGzipBytes + r.loaderGzipBytes > EMBED_BUDGET) {
    console.error("the theme embed (with the launcher's loader) is over Shopify's budget");
    process.exitCode = 1;
  }
}
