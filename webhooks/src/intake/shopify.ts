import "@shopify/shopify-api/adapters/node";
import type { IncomingHttpHeaders } from "node:http";
import type { Engine, Shop } from "@kinship/engine";
import { ApiVersion, LogSeverity, type Shopify, shopifyApi } from "@shopify/shopify-api";
import { normalizeTopic } from "../mappers/shopify.ts";
import type { InboxQueue } from "../queue/types.ts";
import { type IntakeReply, isJson, reply } from "./reply.ts";
import { isShopDomain } from "./shop-domain.ts";
import { verifyShopifyWebhook } from "./shopify-verify.ts";
import { storeAndEnqueue } from "./store-and-enqueue.ts";
import { AFTER_UNINSTALL_TOPICS, SHOPIFY_TOPICS } from "./topics.ts";

export interface ShopifyIntakeOptions {
  /** The app's API secret: the HMAC key. */
  apiSecret: string;
  engine: Engine;
  queue: InboxQueue;
  now?: () => Date;
  /** How long a shop lookup is reused on the hot path. */
  shopCacheMs?: number;
}

export interface ShopifyRequest {
  rawBody: string;
  /** Node's request headers (names in lower case). */
  headers: IncomingHttpHeaders;
}

export function shopifyClient(apiKey: string, apiSecret: string): Shopify {
  return shopifyApi({
    apiKey,
    apiSecretKey: apiSecret,
    hostName: "localhost",
    apiVersion: ApiVersion.October26,
    isEmbeddedApp: true,
    logger: { level: LogSeverity.Error },
  });
}

/** POST /webhooks/shopify: verify the HMAC on the raw bytes, store, enqueue, answer. Nothing else. */
export function shopifyIntake(options: ShopifyIntakeOptions): (req: ShopifyRequest) => Promise<IntakeReply> {
  const now = options.now ?? (() => new Date());
  const cacheMs = options.shopCacheMs ?? 5_000;
  const shops = new Map<string, { shop: Shop | null; at: number }>();
  const store = storeAndEnqueue(options.engine, options.queue);

  async function shop(domain: string): Promise<Shop | null> {
    const hit = shops.get(domain);
    if (hit && Date.now() - hit.at < cacheMs) return hit.shop;
    const found = await options.engine.shops.find(domain);
    shops.set(domain, { shop: found, at: Date.now() });
    return found;
  }

  return async ({ rawBody, headers }) => {
    const check = await verifyShopifyWebhook(options.apiSecret, rawBody, headers);
    if (!check.valid) {
      const missing = check.missingHeaders?.length ? ` (${check.missingHeaders.join(", ")})` : "";
      return reply(
        401,
        "unauthorized",
        { reason: check.reason, ...(missing ? { missingHeaders: check.missingHeaders } : {}) },
        { error: `webhook rejected: ${check.reason}${missing}` },
      );
    }
    if (!isJson(rawBody)) return reply(400, "malformed JSON", { topic: check.topic, shop: check.domain }, { error: "body is not JSON" });
    const topic = normalizeTopic(check.topic);
    const { domain } = check;
    if (!SHOPIFY_TOPICS.has(topic)) return reply(200, "ignored: topic not used by Kinship", { topic, shop: domain });
    if (!isShopDomain(domain)) return reply(200, "dropped: not a shop domain", { topic, shop: domain });
    const known = await shop(domain);
    if (!known) return reply(200, "dropped: unknown shop", { topic, shop: domain });
    if (!known.installed && !AFTER_UNINSTALL_TOPICS.has(topic)) return reply(200, "dropped: shop uninstalled", { topic, shop: domain });
    const eventId = check.eventId ?? check.webhookId;
    return store(
      {
        source: "shopify",
        programKey: known.programKey,
        deliveryKey: eventId,
        topic,
        payload: rawBody,
        meta: { webhookId: check.webhookId, apiVersion: check.apiVersion, triggeredAt: check.triggeredAt ?? null, shop: domain },
      },
      now(),
    );
  };
}
