import type { FastifyReply, FastifyRequest } from "fastify";

const ALLOWED_HEADERS = "authorization, content-type, x-kinship-program";

/**
 * Where Shopify runs admin UI extensions (a web worker on its CDN): the admin blocks call
 * /admin/graphql from here, with the staff user's ID token in a header.
 */
export const ADMIN_EXTENSIONS_ORIGIN = "https://extensions.shopifycdn.com";

/**
 * CORS for callers on other origins (headless storefronts; Shopify's admin extensions): only the given origins, echoed back (never
 * `*`: the member token travels in a header, and a wildcard would let any site read answers made
 * with a token it got hold of). No cookies are involved, so no credentials mode.
 */
export function corsFor(origins: readonly string[]) {
  const allowed = new Set(origins);
  const allow = (req: FastifyRequest, res: FastifyReply): boolean => {
    res.header("vary", "Origin");
    const origin = req.headers.origin;
    if (!origin || !allowed.has(origin)) return false;
    res.header("access-control-allow-origin", origin);
    return true;
  };
  return {
    /** Adds the headers to an actual request from an allowed origin. */
    headers(req: FastifyRequest, res: FastifyReply): void {
      allow(req, res);
    },
    /** Answers a preflight: 204 with the grant for an allowed origin, 204 without it otherwise. */
    preflight(req: FastifyRequest, res: FastifyReply): FastifyReply {
      if (allow(req, res))
        res
          .header("access-control-allow-methods", "POST, OPTIONS")
          .header("access-control-allow-headers", ALLOWED_HEADERS)
          .header("access-control-max-age", "600");
      return res.code(204).send();
    },
  };
}
