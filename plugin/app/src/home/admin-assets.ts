import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { APP_ASSETS, type ShellAssets } from "./app-shell.ts";

/** admin-extension/dist/shopify of this checkout (the server runs from the workspace, like the widgets). */
export function defaultAdminDir(): string {
  return fileURLToPath(new URL("../../../../admin-extension/dist/shopify/", import.meta.url));
}

interface AdminFile {
  body: Buffer;
  gzip: Buffer;
  type: string;
}

interface Built {
  manifest: { script: string; stylesheet: string };
  mtimeMs: number;
  files: Map<string, AdminFile>;
}

export interface AdminAssets {
  /** The shell's links to the built files; null while the admin is not built. */
  shell(): ShellAssets | null;
  file(name: string): AdminFile | null;
}

const TYPES: Record<string, string> = { js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8" };

/**
 * The built admin (`npm run build -w @kinship/admin`): its manifest names the hashed bundle and
 * stylesheet; read on first use and again when the manifest changes (a rebuild while the server
 * runs is picked up). Null while it is not built.
 */
export function adminAssets(dir: string): AdminAssets {
  let built: Built | null = null;
  function load(): Built | null {
    const path = join(dir, "manifest.json");
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      built = null;
      return null;
    }
    if (built && built.mtimeMs === mtimeMs) return built;
    const manifest = JSON.parse(readFileSync(path, "utf8")) as Built["manifest"];
    const files: Built["files"] = new Map();
    for (const name of [manifest.script, manifest.stylesheet]) {
      const body = readFileSync(join(dir, name));
      files.set(name, { body, gzip: gzipSync(body, { level: 9 }), type: TYPES[name.split(".").pop() ?? ""] ?? "application/octet-stream" });
    }
    built = { manifest, mtimeMs, files };
    return built;
  }
  return {
    shell() {
      const b = load();
      return b ? { script: `${APP_ASSETS}/${b.manifest.script}`, stylesheet: `${APP_ASSETS}/${b.manifest.stylesheet}` } : null;
    },
    file(name) {
      return load()?.files.get(name) ?? null;
    },
  };
}

/** GET /app/assets/<hashed name>: the admin's bundle and stylesheet, immutable for a year (their names change with their content). */
export function registerAdminAssets(app: FastifyInstance, assets: AdminAssets): void {
  app.get(`${APP_ASSETS}/:file`, async (req, res) => {
    const { file } = req.params as { file: string };
    const found = assets.file(file);
    if (!found) return res.code(404).header("cache-control", "no-store").type("text/plain; charset=utf-8").send("not found\n");
    res
      .header("content-type", found.type)
      .header("cache-control", "public, max-age=31536000, immutable")
      .header("vary", "Accept-Encoding")
      .header("x-content-type-options", "nosniff");
    if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) return res.header("content-encoding", "gzip").send(found.gzip);
    return res.send(found.body);
  });
}
