import type { FastifyInstance } from "fastify";
import { embeddedFrameAncestors, FRAME_NONE } from "../csp.ts";
import { embeddedShop } from "./embedded.ts";
import { HOME_CSP, homePage } from "./page.ts";

/** Where Shopify's admin opens the embedded app (`application_url` in shopify.app.toml). */
export const APP_HOME = "/app";

/**
 * GET /: the front door.
 * - From inside the Shopify admin (valid `shop` and `host` for the same shop): a 302 to the app
 *   home at /app (app-route.ts) with the query string as it came; the app home takes identity from
 *   the App Bridge session token, never from that query. A server without /app (a test's) never
 *   redirects (it would lead to a 404): the admin gets the page below, framed.
 * - Anything else, malformed `shop`/`host` included: a small page saying what Kinship is and where
 *   to go on this server; it may not be framed. Nothing from the request is written into it.
 */
export function registerHome(app: FastifyInstance, options: { demo: boolean; devSignIn?: boolean }): void {
  app.get("/", async (req, res) => {
    const appHome = app.hasRoute({ method: "GET", url: APP_HOME });
    const shop = embeddedShop(req.query);
    if (shop !== null && appHome) {
      // Always our own path: the query string is kept, never a destination taken from it.
      const query = req.url.indexOf("?");
      return res.header("cache-control", "no-store").redirect(`${APP_HOME}${req.url.slice(query)}`, 302);
    }
    return res
      .header("content-security-policy", `${HOME_CSP}; ${shop === null ? FRAME_NONE : embeddedFrameAncestors(shop)}`)
      .header("cache-control", "no-cache")
      .header("x-content-type-options", "nosniff")
      .type("text/html; charset=utf-8")
      .send(homePage({ demo: options.demo, appHome, devSignIn: options.devSignIn === true }));
  });
}
