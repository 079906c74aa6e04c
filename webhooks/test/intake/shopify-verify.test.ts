import { createHmac } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeTopic, type ShopifyWebhookCheck, shopifyClient, verifyShopifyWebhook } from "../../src/index.ts";

const SECRET = "verify-test-secret";
const shopify = shopifyClient("verify-test-key", SECRET);
const sign = (body: string, secret = SECRET) => createHmac("sha256", secret).update(body, "utf8").digest("base64");

function webhookHeaders(body: string): IncomingHttpHeaders {
  return {
    host: "kinship.example",
    "content-type": "application/json",
    "user-agent": "Shopify-Captain-Hook",
    "x-shopify-topic": "orders/paid",
    "x-shopify-shop-domain": "verify.myshopify.com",
    "x-shopify-hmac-sha256": sign(body),
    "x-shopify-event-id": "98880550-7158-44d4-b7cd-2c97c8a091b5",
    "x-shopify-webhook-id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
    "x-shopify-api-version": "2026-10",
    "x-shopify-triggered-at": "2026-11-30T10:00:00.000Z",
  };
}

function eventsHeaders(body: string): IncomingHttpHeaders {
  return {
    "content-type": "application/json",
    "shopify-topic": "customers/update",
    "shopify-shop-domain": "verify.myshopify.com",
    "shopify-hmac-sha256": sign(body),
    "shopify-webhook-id": "c1b1c0f8-0d4e-4d0a-9f5e-7f1f1d2c3b4a",
    "shopify-api-version": "2026-10",
    "shopify-triggered-at": "2026-11-30T10:00:00.000Z",
    // A stray classic header: the library reads no event id from an events-style delivery.
    "x-shopify-event-id": "not-read-for-events",
  };
}

type Accepted = Omit<Extract<ShopifyWebhookCheck, { valid: true }>, "valid">;

/** The fields both sides answer for an accepted delivery; topics compared in Kinship's form (the library answers ORDERS_PAID). */
const accepted = (r: Accepted) => ({
  valid: true,
  topic: normalizeTopic(r.topic),
  domain: r.domain,
  apiVersion: r.apiVersion,
  webhookId: r.webhookId,
  eventId: r.eventId,
  triggeredAt: r.triggeredAt,
});

/** What the library's own validate answers, in the shape verifyShopifyWebhook answers. */
async function libraryAnswer(rawBody: string, headers: IncomingHttpHeaders) {
  const r = await shopify.webhooks.validate({
    rawBody,
    rawRequest: { headers, method: "POST", url: "/webhooks/shopify" } as unknown as IncomingMessage,
    rawResponse: {} as ServerResponse,
  });
  if (!r.valid) return { valid: false, reason: r.reason, ...("missingHeaders" in r ? { missingHeaders: r.missingHeaders } : {}) };
  return accepted({ ...r, eventId: "eventId" in r ? r.eventId : undefined });
}

async function ourAnswer(rawBody: string, headers: IncomingHttpHeaders) {
  const r = await verifyShopifyWebhook(SECRET, rawBody, headers);
  return r.valid ? accepted(r) : r;
}

async function expectSameAsLibrary(rawBody: string, headers: IncomingHttpHeaders) {
  const [ours, theirs] = await Promise.all([ourAnswer(rawBody, headers), libraryAnswer(rawBody, headers)]);
  expect(ours).toEqual(theirs);
  return ours;
}

describe("verifyShopifyWebhook", () => {
  const body = '{"id":820982911946154508,"email":"jon@example.com"}';

  it("accepts a signed delivery and reads Shopify's headers", async () => {
    const r = await expectSameAsLibrary(body, webhookHeaders(body));
    expect(r).toMatchObject({
      valid: true,
      topic: "orders/paid",
      domain: "verify.myshopify.com",
      apiVersion: "2026-10",
      eventId: "98880550-7158-44d4-b7cd-2c97c8a091b5",
    });
  });

  it("accepts the events-style headers (no X- prefix) as the library does", async () => {
    const r = await expectSameAsLibrary(body, eventsHeaders(body));
    expect(r).toMatchObject({ valid: true, topic: "customers/update", eventId: undefined });
  });

  it("refuses a forged, a missing or a malformed HMAC, an empty body and missing headers, with the library's reasons", async () => {
    const forged = { ...webhookHeaders(body), "x-shopify-hmac-sha256": sign(body, "not-the-secret") };
    expect(await expectSameAsLibrary(body, forged)).toEqual({ valid: false, reason: "invalid_hmac" });
    const { "x-shopify-hmac-sha256": _h, ...unsigned } = webhookHeaders(body);
    expect(await expectSameAsLibrary(body, unsigned)).toEqual({ valid: false, reason: "missing_hmac" });
    expect(await expectSameAsLibrary(body, { ...webhookHeaders(body), "x-shopify-hmac-sha256": "short" })).toEqual({
      valid: false,
      reason: "invalid_hmac",
    });
    expect(await expectSameAsLibrary("", webhookHeaders(""))).toEqual({ valid: false, reason: "missing_body" });
    const { "x-shopify-topic": _t, "x-shopify-webhook-id": _w, ...partial } = webhookHeaders(body);
    expect(await expectSameAsLibrary(body, partial)).toEqual({
      valid: false,
      reason: "missing_headers",
      missingHeaders: ["X-Shopify-Topic", "X-Shopify-Webhook-Id"],
    });
  });

  it("a body changed by one byte no longer verifies", async () => {
    const headers = webhookHeaders(body);
    expect(await expectSameAsLibrary(body.replace("508", "509"), headers)).toEqual({ valid: false, reason: "invalid_hmac" });
  });

  it("answers as the library does for any body and any subset or corruption of the headers", async () => {
    const names = Object.keys(webhookHeaders(body));
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.subarray(names),
        fc.boolean(),
        fc.constantFrom("keep", "forge", "other-body"),
        async (text, dropped, events, hmac) => {
          const base = events ? eventsHeaders(text) : webhookHeaders(text);
          const headers: IncomingHttpHeaders = {};
          for (const [k, v] of Object.entries(base)) if (!dropped.includes(k.replace(/^shopify-/, "x-shopify-"))) headers[k] = v;
          const hmacName = events ? "shopify-hmac-sha256" : "x-shopify-hmac-sha256";
          if (hmacName in headers && hmac === "forge") headers[hmacName] = sign(text, "forged");
          if (hmacName in headers && hmac === "other-body") headers[hmacName] = sign(`${text} `);
          await expectSameAsLibrary(text, headers);
        },
      ),
      { numRuns: 300 },
    );
  });
});
