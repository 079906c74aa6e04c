import type { Messages } from "../core/messages.ts";

export interface EmbedConfig {
  /** Default `/apps/kinship/graphql`: the Shopify app proxy (same origin, Shopify adds the identity). */
  endpoint: string;
  /** The program key: sent as X-Kinship-Program when there is no token; part of the snapshot key. */
  program?: string;
  /** A member token (headless storefronts); absent for guests and on the app proxy. */
  token?: string;
  /** The logged-in customer's id, null or "" for a guest: whose snapshot to keep. Unknown: none kept. */
  customer?: string | null;
  locale?: string;
  /** Currency of `data-price` when an element does not say (e.g. the cart's currency). */
  currency?: string;
  messages?: Partial<Messages>;
  /**
   * Shopify's `/cart/update.js` (Liquid: `routes.cart_update_url`): where `?ref=` and the device
   * id are put as cart attributes. Absent: nothing is written to a cart.
   */
  cart?: string;
}

type Raw = Partial<Record<keyof EmbedConfig, unknown>>;

/**
 * Reads `<script type="application/json" id="kinship-config">{…}</script>` and the embed's own
 * `<script … data-endpoint data-program data-token data-customer data-locale data-currency>`
 * (attributes win).
 */
export function readConfig(doc: Document, script: HTMLOrSVGScriptElement | null): EmbedConfig {
  let json: Raw = {};
  try {
    json = JSON.parse(doc.getElementById("kinship-config")?.textContent || "{}");
  } catch {}
  const d: Raw = { ...(script as HTMLElement | null)?.dataset };
  const pick = (k: keyof EmbedConfig) => (d[k] ?? json[k] ?? undefined) as string | undefined;
  const customer = "customer" in d ? d.customer : json.customer;
  return {
    endpoint: pick("endpoint") || "/apps/kinship/graphql",
    program: pick("program"),
    token: pick("token"),
    customer: customer == null ? (customer as null | undefined) : String(customer),
    locale: pick("locale") || doc.documentElement.lang || undefined,
    currency: pick("currency"),
    cart: pick("cart"),
    messages: json.messages as Partial<Messages> | undefined,
  };
}
