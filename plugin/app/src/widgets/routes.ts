import type { FastifyInstance, FastifyReply } from "fastify";
import { type Asset, WIDGET_FILES, type WidgetFile, widgetAssets } from "./assets.ts";

const IMMUTABLE = "public, max-age=31536000, immutable";
/** An unversioned URL: cached for a day, revalidated by ETag after that. */
const UNVERSIONED = "public, max-age=86400, stale-while-revalidate=604800";

/**
 * GET /widgets/embed.js, /widgets/widgets.js (+ .map) and /widgets/vendor/react.js from
 * storefront-widgets/dist. `?v=<version>` (see
 * widgetUrl) is cached for a year; the bare URL for a day. Gzip when the client takes it. Before
 * the widgets are built: 503 saying how to build them.
 */
export function registerWidgets(app: FastifyInstance, dir: string): (file: WidgetFile) => string {
  const asset = widgetAssets(dir);
  for (const file of WIDGET_FILES)
    app.get(`/widgets/${file}`, async (req, res) => {
      const a = asset(file);
      if (!a)
        return res
          .code(503)
          .header("cache-control", "no-store")
          .type("text/plain; charset=utf-8")
          .send(`${file} is not built yet: run \`npm run build\` (or \`npm run build -w @kinship/widgets\`) and reload\n`);
      const etag = `"${a.version}"`;
      const { v } = req.query as { v?: string };
      res
        .header("content-type", file.endsWith(".map") ? "application/json; charset=utf-8" : "text/javascript; charset=utf-8")
        .header("cache-control", v === a.version ? IMMUTABLE : UNVERSIONED)
        .header("etag", etag)
        .header("vary", "Accept-Encoding")
        .header("access-control-allow-origin", "*");
      if (req.headers["if-none-match"] === etag) return res.code(304).send();
      return send(res, a, String(req.headers["accept-encoding"] ?? ""));
    });
  return (file) => {
    const a = asset(file);
    return a ? `/widgets/${file}?v=${a.version}` : `/widgets/${file}`;
  };
}

function send(res: FastifyReply, a: Asset, acceptEncoding: string) {
  if (/\bgzip\b/.test(acceptEncoding)) return res.header("content-encoding", "gzip").send(a.gzip);
  return res.send(a.body);
}
