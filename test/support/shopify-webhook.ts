import { createHmac, randomUUID } from "node:crypto";

/** Headers Shopify sends with a webhook, signed like Shopify signs: base64 HMAC-SHA256 of the raw body. */
export function shopifyHeaders(
  secret: string,
  shop: string,
  topic: string,
  rawBody: string,
  eventId: string = randomUUID(),
): Record<string, string> {
  return {
    "content-type": "application/json",
    "x-shopify-topic": topic,
    "x-shopify-shop-domain": shop,
    "x-shopify-hmac-sha256": createHmac("sha256", secret).update(rawBody, "utf8").digest("base64"),
    "x-shopify-event-id": eventId,
    "x-shopify-webhook-id": randomUUID(),
    "x-shopify-api-version": "2026-10",
    "x-shopify-triggered-at": new Date().toISOString(),
  };
}
