/**
 * Referral capture, shared by the theme embed and the React provider: `?ref=<code>` on any page is
 * kept 30 days in a first-party cookie (the last link followed wins), every browser gets a random
 * device id (1 year), and both go on the cart once per value — Shopify cart attributes, Medusa
 * cart metadata — so the engine can credit the referrer and compare the device with the
 * referrer's own sessions. Small on purpose: the theme embed carries it.
 */

/** The referral as the widgets hold it: null when no `?ref=` was followed (or no cookie can be set). */
export interface Referral {
  code: string | null;
  deviceId: string | null;
}

/** What goes on the cart: Shopify cart attributes, Medusa cart metadata (the same keys). */
export interface CartReferral {
  kinship_ref?: string;
  kinship_device?: string;
}

const DAY = 86400;
/** Referral codes as the engine makes them; anything else in `?ref=` is ignored. */
const CODE = /^[\w-]{1,64}$/;

export function readCookie(doc: Document, name: string): string | null {
  const v = new RegExp(`(?:^|; )${name}=([^;]*)`).exec(doc.cookie)?.[1];
  return v ? decodeURIComponent(v) : null;
}

function writeCookie(doc: Document, name: string, value: string, days: number): void {
  doc.cookie = `${name}=${encodeURIComponent(value)};max-age=${days * DAY};path=/;SameSite=Lax`;
}

/** Reads `?ref=` into `kinship_ref`, makes `kinship_device` if missing, and answers both. */
export function captureReferral(doc: Document): Referral {
  const ref = new URLSearchParams(doc.location.search).get("ref");
  if (ref && CODE.test(ref)) writeCookie(doc, "kinship_ref", ref, 30);
  let deviceId = readCookie(doc, "kinship_device");
  if (!deviceId) {
    // randomUUID needs a secure context: on plain http there is simply no device id.
    deviceId = globalThis.crypto?.randomUUID?.() ?? null;
    if (deviceId) writeCookie(doc, "kinship_device", deviceId, 365);
  }
  return { code: readCookie(doc, "kinship_ref"), deviceId };
}

export function cartReferral(r: Referral): CartReferral {
  const c: CartReferral = {};
  if (r.code) c.kinship_ref = r.code;
  if (r.deviceId) c.kinship_device = r.deviceId;
  return c;
}

/**
 * Puts the referral on the cart unless this browser already put the same values on the same cart
 * (`cart`: its token or id); remembered only once `send` succeeded, so a failure is retried on
 * the next page. Answers whether it sent.
 */
export function syncCart(doc: Document, r: Referral, cart: string, send: (referral: CartReferral) => Promise<unknown>): Promise<boolean> {
  const mark = `${cart}|${r.code}|${r.deviceId}`;
  if ((!r.code && !r.deviceId) || readCookie(doc, "kinship_cart") === mark) return Promise.resolve(false);
  return send(cartReferral(r)).then(() => {
    writeCookie(doc, "kinship_cart", mark, 30);
    return true;
  });
}

/**
 * A signed-in member's browser is recorded (`recordSession`) once per browser session and
 * customer. Marked in sessionStorage before sending, so the page's other widgets (the embed, each
 * React provider) do not send it too; unmarked if it fails, so the next page tries again.
 */
export function recordSessionOnce(customer: string | undefined, r: Referral, send: (deviceId: string) => Promise<unknown>): void {
  const id = r.deviceId;
  const key = "kinship_session";
  try {
    if (!customer || customer === "guest" || !id || sessionStorage.getItem(key) === customer) return;
    sessionStorage.setItem(key, customer);
    send(id).catch(() => sessionStorage.getItem(key) === customer && sessionStorage.removeItem(key));
  } catch {}
}
