// @vitest-environment happy-dom
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { captureReferral, readCookie, recordSessionOnce, syncCart } from "../src/core/referral.ts";
import { startReferral } from "../src/embed/referral.ts";
import { fakeApi } from "./support/api.ts";

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

function clearCookies() {
  // biome-ignore lint/suspicious/noDocumentCookie: expiring the page's cookies between tests
  for (const c of document.cookie.split("; ").filter(Boolean)) document.cookie = `${c.split("=")[0]}=;max-age=0;path=/`;
}

function visit(path: string) {
  history.replaceState(null, "", path);
}

/** Shopify's /cart/update.js: records the attributes each POST sets; `fail` answers 500. */
function shopifyCart(fail = false) {
  const posts: { url: string; attributes: Record<string, string> }[] = [];
  const api = fakeApi({ recordSession: () => true });
  const fetchImpl = (async (url: RequestInfo | URL, init?: RequestInit) => {
    if (String(url).endsWith("/cart/update.js")) {
      posts.push({ url: String(url), attributes: JSON.parse(String(init?.body)).attributes });
      return new Response(fail ? "error" : JSON.stringify({ token: "c1" }), { status: fail ? 500 : 200 });
    }
    return api.fetch(url, init);
  }) as typeof fetch;
  return { fetch: fetchImpl, posts, api };
}

const shopify = { endpoint: "/apps/kinship/graphql", program: "acme.myshopify.com", customer: "", cart: "/cart/update.js" };

beforeEach(() => {
  clearCookies();
  sessionStorage.clear();
  visit("/");
});
afterEach(() => clearCookies());

describe("referral capture", () => {
  it("keeps ?ref= in kinship_ref and a device id in kinship_device; ignores a malformed code; the last link followed wins", () => {
    visit("/products/coat?ref=GOLD42");
    const first = captureReferral(document);
    expect(first.code).toBe("GOLD42");
    expect(first.deviceId).toMatch(/^[\da-f-]{36}$/);
    expect(readCookie(document, "kinship_ref")).toBe("GOLD42");

    // Another page without ?ref=: the same code and device.
    visit("/collections/all");
    expect(captureReferral(document)).toEqual(first);

    visit("/?ref=%3Cscript%3E");
    expect(captureReferral(document).code).toBe("GOLD42");

    visit("/?ref=SILVER-7");
    expect(captureReferral(document)).toEqual({ code: "SILVER-7", deviceId: first.deviceId });
  });

  it("Shopify: puts kinship_ref and kinship_device on the cart once per value, again for a new cart or a new code", async () => {
    const cart = shopifyCart();
    visit("/?ref=GOLD42");
    startReferral(shopify, cart.fetch);
    await tick();
    const device = readCookie(document, "kinship_device");
    expect(cart.posts).toEqual([{ url: "/cart/update.js", attributes: { kinship_ref: "GOLD42", kinship_device: device } }]);

    // Every later page: nothing sent.
    visit("/products/coat");
    startReferral(shopify, cart.fetch);
    startReferral(shopify, cart.fetch);
    await tick();
    expect(cart.posts).toHaveLength(1);

    // A new cart (after a checkout) gets the attributes again.
    // biome-ignore lint/suspicious/noDocumentCookie: Shopify's cart cookie, as after a checkout
    document.cookie = "cart=c2;path=/";
    startReferral(shopify, cart.fetch);
    await tick();
    expect(cart.posts).toHaveLength(2);

    visit("/?ref=OTHER1");
    startReferral(shopify, cart.fetch);
    await tick();
    expect(cart.posts.at(-1)?.attributes).toEqual({ kinship_ref: "OTHER1", kinship_device: device });
  });

  it("a failed cart update is not remembered: the next page tries again", async () => {
    visit("/?ref=GOLD42");
    const down = shopifyCart(true);
    startReferral(shopify, down.fetch);
    await tick();
    expect(down.posts).toHaveLength(1);
    const up = shopifyCart();
    startReferral(shopify, up.fetch);
    await tick();
    expect(up.posts).toHaveLength(1);
    startReferral(shopify, up.fetch);
    await tick();
    expect(up.posts).toHaveLength(1);
  });

  it("without a cart URL (a headless page) nothing is posted; a guest records no session", async () => {
    const cart = shopifyCart();
    startReferral({ endpoint: "/apps/kinship/graphql", customer: "" }, cart.fetch);
    await tick();
    expect(cart.posts).toHaveLength(0);
    expect(cart.api.of("KinshipRecordSession")).toHaveLength(0);
  });

  it("a signed-in member's browser is recorded once per session with its device id; a failure is retried", async () => {
    const member = { ...shopify, customer: "42" };
    const notYet = fakeApi();
    startReferral(member, notYet.fetch);
    await tick();
    expect(notYet.of("KinshipRecordSession")).toHaveLength(1);

    const cart = shopifyCart();
    startReferral(member, cart.fetch);
    await tick();
    startReferral(member, cart.fetch);
    await tick();
    expect(cart.api.of("KinshipRecordSession").map((c) => c.variables)).toEqual([{ d: readCookie(document, "kinship_device") }]);

    // Another customer signs in on this browser: recorded for them too.
    startReferral({ ...member, customer: "43" }, cart.fetch);
    await tick();
    expect(cart.api.of("KinshipRecordSession")).toHaveLength(2);
  });

  it("property: over any sequence of pages, carts and links, the cart is written exactly when its (cart, code, device) is new", async () => {
    const step = fc.record({
      ref: fc.oneof(fc.constant(null), fc.constantFrom("GOLD42", "SILVER-7", "bad code!", "x".repeat(65))),
      cart: fc.constantFrom("", "c1", "c2"),
      fails: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        clearCookies();
        let sent = 0;
        let expected = 0;
        let code: string | null = null;
        let last: string | null = null;
        for (const s of steps) {
          visit(s.ref ? `/?ref=${encodeURIComponent(s.ref)}` : "/");
          if (s.ref && /^[\w-]{1,64}$/.test(s.ref)) code = s.ref;
          const r = captureReferral(document);
          expect(r.code).toBe(code);
          const mark = `${s.cart}|${code}`;
          if (mark !== last) {
            expected++;
            if (!s.fails) last = mark;
          }
          await syncCart(document, r, s.cart, () => {
            sent++;
            return s.fails ? Promise.reject(new Error("500")) : Promise.resolve();
          }).catch(() => {});
        }
        expect(sent).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });

  it("recordSessionOnce: never for a guest, an unknown customer or without a device id", () => {
    const sends: string[] = [];
    const send = (d: string) => {
      sends.push(d);
      return Promise.resolve(true);
    };
    recordSessionOnce("guest", { code: null, deviceId: "d1" }, send);
    recordSessionOnce(undefined, { code: null, deviceId: "d1" }, send);
    recordSessionOnce("42", { code: null, deviceId: null }, send);
    expect(sends).toEqual([]);
  });
});
