import { RECORD_SESSION_MUTATION } from "../core/queries.ts";
import { captureReferral, readCookie, recordSessionOnce, syncCart } from "../core/referral.ts";
import { customerScope } from "../core/scope.ts";
import type { EmbedConfig } from "./config.ts";
import { fetchRequest } from "./request.ts";

/**
 * The app embed's referral capture (dist/referral.js, a file of its own: embed.js has no room
 * left under theme-check's 10,000 B): keeps `?ref=` and the device id in first-party cookies,
 * puts them on Shopify's cart as attributes (once per value and cart; Shopify copies them to the
 * order) and records a signed-in member's session once per browser session.
 */
export function startReferral(config: EmbedConfig, fetchImpl: typeof fetch = fetch): void {
  const referral = captureReferral(document);
  const cart = config.cart;
  if (cart)
    syncCart(document, referral, readCookie(document, "cart") || "", (attributes) =>
      fetchImpl(cart, {
        method: "POST",
        headers: { "content-type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ attributes }),
      }).then((r) => {
        if (!r.ok) throw new Error(`cart update: ${r.status}`);
        // Read to the end: a response left unread keeps the request open in some browsers.
        return r.text();
      }),
    ).catch(() => {});
  const request = fetchRequest(config, fetchImpl);
  recordSessionOnce(customerScope(config.customer, config.token), referral, (d) => request(RECORD_SESSION_MUTATION, { d }));
}
