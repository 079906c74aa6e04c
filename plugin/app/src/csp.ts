import type { FastifyInstance } from "fastify";

/** The page may be framed by nobody: the policy of every HTML page that is not the embedded app's. */
export const FRAME_NONE = "frame-ancestors 'none'";

/**
 * Shopify's iframe protection for the embedded app: only the shop's own admin and the unified
 * admin may frame the page. `shop` must already be a validated `<name>.myshopify.com` domain.
 */
export function embeddedFrameAncestors(shop: string): string {
  return `frame-ancestors https://${shop} https://admin.shopify.com`;
}

/**
 * No HTML leaves the server without a Content-Security-Policy: a route that sets its own keeps it;
 * any other HTML answer (the demo storefront, anything added later) gets `frame-ancestors 'none'`.
 */
export function registerHtmlCsp(app: FastifyInstance): void {
  app.addHook("onSend", async (_req, res, payload) => {
    const type = res.getHeader("content-type");
    if (typeof type === "string" && type.startsWith("text/html") && !res.hasHeader("content-security-policy"))
      res.header("content-security-policy", FRAME_NONE);
    return payload;
  });
}
