import { setupServer } from "msw/node";
import { type ComponentChild, h, render } from "preact";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { customerAccountToken } from "../../../test/api-support.ts";
import { loyaltyShop } from "../../../test/customer-account-support.ts";
import { type Harness, startHarness } from "../../../test/support.ts";
import { LoyaltyPage } from "../src/components/LoyaltyPage.tsx";
import { LOYALTY_PAGE, ProfileBlock } from "../src/components/ProfileBlock.tsx";
import { loyaltyClient } from "../src/data/client.ts";
import { hostClient } from "../src/host.ts";
import { until, useDom } from "./dom.ts";

/**
 * The extension's components against the real server: a fake `shopify` global hands out session
 * tokens signed like Shopify's, and the client calls /customer-account/graphql over HTTP.
 */
const mock = setupServer();
const CUSTOMER = "7205114708011";
let harness: Harness;
let shop: string;
let discounts: Record<string, unknown>[];
let dom: ReturnType<typeof useDom>;
const NO_WAIT = { wait: async () => {} };

beforeAll(async () => {
  mock.listen({ onUnhandledFrame: "bypass" });
  harness = await startHarness("app_customer_account_ext");
  ({ shop, discounts } = await loyaltyShop(harness.engine, mock, CUSTOMER, 150_000));
});
afterAll(async () => {
  mock.close();
  await harness?.close();
});
afterEach(async () => {
  await dom?.close();
});

/** The host as Shopify gives it: `shopify.sessionToken.get()` for the signed-in customer. */
function fakeShopify() {
  const shopify = { sessionToken: { get: vi.fn(() => customerAccountToken(shop, CUSTOMER)) } };
  vi.stubGlobal("shopify", shopify);
  return shopify;
}

function mount(node: ComponentChild) {
  dom = useDom();
  const root = dom.container();
  render(node, root);
  return root;
}

const text = (root: HTMLElement) => root.textContent ?? "";
const buttons = (root: HTMLElement, label: string) =>
  [...root.querySelectorAll("s-button")].filter((b) => b.textContent?.trim() === label) as HTMLElement[];
const redeemButton = (root: HTMLElement, reward: string) => {
  const b =
    root.querySelector(`s-button[accessibilityLabel^="Redeem ${reward}"]`) ??
    root.querySelector(`s-button[accessibilitylabel^="Redeem ${reward}"]`);
  if (!b) throw new Error(`no redeem button for ${reward}`);
  return b as HTMLElement;
};
const available = async () => {
  const me = await loyaltyClient(`${harness.url}/customer-account/graphql`, {
    sessionToken: { get: () => customerAccountToken(shop, CUSTOMER) },
    fetch,
  }).member();
  return me?.points.available;
};

describe("the loyalty page", () => {
  it("shows the tier badge and progress, the points, the rewards the member can redeem and the partner perks", async () => {
    const shopify = fakeShopify();
    const root = mount(h(LoyaltyPage, { client: hostClient(harness.url) }));
    await until(() => expect(text(root)).toContain("1,500 points available"));
    expect(shopify.sessionToken.get).toHaveBeenCalled();
    expect(root.querySelector("s-badge")?.textContent).toBe("Silver");
    const progress = root.querySelector("s-progress");
    expect(progress?.getAttribute("value")).toBe("66");
    expect(text(root)).toContain("500 points to Gold");
    expect(text(root)).toContain("$5 off");
    expect(redeemButton(root, "$5 off").hasAttribute("disabled")).toBe(false);
    expect(redeemButton(root, "10% off").hasAttribute("disabled")).toBe(true);
    expect(text(root)).toContain("Corner Café");
    expect(buttons(root, "Claim")).toHaveLength(1);
  });

  it("redeems once when the button is clicked twice: one code, one discount on the shop, one spend", async () => {
    fakeShopify();
    const before = { discounts: discounts.length, points: await available() };
    const root = mount(h(LoyaltyPage, { client: hostClient(harness.url), retry: NO_WAIT }));
    await until(() => expect(text(root)).toContain("Redeem"));
    const button = redeemButton(root, "$5 off");
    button.click();
    button.click();
    await until(() => expect(root.querySelector('s-banner[tone="success"]')).not.toBeNull());
    const code = root.querySelector('s-banner[tone="success"]')?.textContent ?? "";
    expect(code).toMatch(/\S+/);
    expect(discounts.length - before.discounts).toBe(1);
    expect(JSON.stringify(discounts.at(-1))).toContain(code);
    expect(await available()).toBe((before.points ?? 0) - 500);
    const left = ((before.points ?? 0) - 500).toLocaleString("en-US");
    await until(() => expect(text(root)).toContain(`${left} points available`));
  });

  it("a redeem whose answers are lost is retried with the same key, also on the shopper's 'Try again': it spends once", async () => {
    const shopify = fakeShopify();
    const keys: string[] = [];
    let lose = 3;
    const losing: typeof fetch = async (url, init) => {
      const res = await fetch(url, init);
      const body = JSON.parse(String(init?.body)) as { query: string; variables: { key?: string } };
      if (body.query.includes("KinshipRedeem")) {
        keys.push(body.variables.key ?? "");
        if (lose > 0) {
          lose -= 1;
          throw new TypeError("Failed to fetch");
        }
      }
      return res;
    };
    const before = { discounts: discounts.length, points: await available() };
    const client = loyaltyClient(`${harness.url}/customer-account/graphql`, { sessionToken: shopify.sessionToken, fetch: losing });
    const root = mount(h(LoyaltyPage, { client, retry: NO_WAIT }));
    await until(() => expect(text(root)).toContain("Redeem"));
    redeemButton(root, "$5 off").click();
    // Three sends (the click and two automatic retries), every answer lost: the shopper sees "Try again".
    await until(() => expect(buttons(root, "Try again")).toHaveLength(1));
    expect(keys).toHaveLength(3);
    buttons(root, "Try again")[0]?.click();
    await until(() => expect(root.querySelector('s-banner[tone="success"]')).not.toBeNull());
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(1);
    expect(discounts.length - before.discounts).toBe(1);
    expect(await available()).toBe((before.points ?? 0) - 500);
  });

  it("claims a partner perk and lists the member's code", async () => {
    fakeShopify();
    const root = mount(h(LoyaltyPage, { client: hostClient(harness.url), retry: NO_WAIT }));
    await until(() => expect(buttons(root, "Claim")).toHaveLength(1));
    buttons(root, "Claim")[0]?.click();
    await until(() => expect(text(root)).toContain("Your codes"));
    expect(text(root)).toMatch(/CAFE-000[1-3] \(claimed/);
  });
});

describe("the profile block", () => {
  it("shows the tier and points and links to the loyalty page", async () => {
    fakeShopify();
    const points = await available();
    const root = mount(h(ProfileBlock, { client: hostClient(harness.url) }));
    await until(() => expect(text(root)).toContain(`${points?.toLocaleString("en-US")} points`));
    expect(root.querySelector("s-badge")?.textContent).toBe("Silver");
    expect(root.querySelector("s-link")?.getAttribute("href")).toBe(LOYALTY_PAGE);
  });

  it("says the rewards could not be loaded when the server refuses the token, and still links to the page", async () => {
    vi.stubGlobal("shopify", { sessionToken: { get: () => customerAccountToken(shop, CUSTOMER, { secret: "not-the-app-secret" }) } });
    const root = mount(h(ProfileBlock, { client: hostClient(harness.url) }));
    await until(() => expect(text(root)).toContain("could not be loaded"));
    expect(root.querySelector("s-link")?.getAttribute("href")).toBe(LOYALTY_PAGE);
  });
});
