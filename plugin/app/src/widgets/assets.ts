import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

/**
 * The built widgets the server hands out: the theme embed and its loyalty elements (rewards, perks,
 * expiring points), its referral capture, the React components (ESM, `react` external), their source map, the launcher's
 * loader and its lazily loaded panel, and React itself as one ESM file for pages without a bundler
 * (map "react", "react/jsx-runtime" and "react-dom/client" to it in an import map).
 */
export const WIDGET_FILES = [
  "embed.js",
  "loyalty.js",
  "referral.js",
  "widgets.js",
  "widgets.js.map",
  "vendor/react.js",
  "launcher-loader.js",
  "launcher.js",
] as const;
export type WidgetFile = (typeof WIDGET_FILES)[number];

export interface Asset {
  body: Buffer;
  gzip: Buffer;
  /** A content hash: the ETag, and the `?v=` that makes a URL immutable. */
  version: string;
  mtimeMs: number;
}

/** storefront-widgets/dist of this checkout (the server runs from the workspace, like the widgets build). */
export function defaultWidgetsDir(): string {
  return fileURLToPath(new URL("../../../../storefront-widgets/dist/", import.meta.url));
}

/**
 * Reads a built file on first use and again whenever it changes on disk (a rebuild while the
 * server runs is picked up); null while it is not built.
 */
export function widgetAssets(dir: string): (file: WidgetFile) => Asset | null {
  const cache = new Map<WidgetFile, Asset>();
  return (file) => {
    const path = join(dir, file);
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      cache.delete(file);
      return null;
    }
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === mtimeMs) return hit;
    const body = readFileSync(path);
    const asset = {
      body,
      gzip: gzipSync(body, { level: 9 }),
      version: createHash("sha256").update(body).digest("hex").slice(0, 16),
      mtimeMs,
    };
    cache.set(file, asset);
    return asset;
  };
}
