import { adminApi } from "./admin-api.ts";

export const SHOP_SETTINGS = /* GraphQL */ `
  query KinshipShopSettings {
    shop { currencyCode ianaTimezone }
  }
`;

/** What a new program takes from its shop: the currency orders are paid in, the shop's time zone. */
export interface ShopSettings {
  currency: string;
  timezone: string;
}

export class ShopSettingsError extends Error {
  override name = "ShopSettingsError";
}

export interface ShopSettingsOptions {
  shop: string;
  accessToken: string;
  apiVersion: string;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

/**
 * Reads `shop { currencyCode ianaTimezone }` with the Admin API. A THROTTLED answer is retried
 * once by the Admin API client; a network failure or a 5xx once here; anything else (GraphQL
 * errors, a missing or malformed answer) fails at once. Throws ShopSettingsError with a sentence.
 */
export async function shopSettings(options: ShopSettingsOptions): Promise<ShopSettings> {
  const api = adminApi({
    shop: options.shop,
    accessToken: options.accessToken,
    apiVersion: options.apiVersion,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  type Answer = { shop: { currencyCode?: unknown; ianaTimezone?: unknown } | null };
  let answer = await api.request<Answer>(SHOP_SETTINGS, {});
  if (!answer.ok && answer.retryable && !answer.throttled) answer = await api.request<Answer>(SHOP_SETTINGS, {});
  if (!answer.ok) throw new ShopSettingsError(`could not read ${options.shop}'s currency and time zone from Shopify: ${answer.message}`);
  const currency = answer.data?.shop?.currencyCode;
  const timezone = answer.data?.shop?.ianaTimezone;
  if (typeof currency !== "string" || !/^[A-Z]{3}$/.test(currency) || typeof timezone !== "string" || timezone === "")
    throw new ShopSettingsError(`Shopify did not give ${options.shop}'s currency and time zone`);
  return { currency, timezone };
}
