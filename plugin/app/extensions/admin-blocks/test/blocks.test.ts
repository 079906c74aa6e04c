import { type ComponentChild, h, render } from "preact";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { gql, sessionToken } from "../../../test/api-support.ts";
import { deliver, drained, fixture, type Harness, newShop, startHarness } from "../../../test/support.ts";
import { day } from "../../customer-account/src/data/text.ts";
import { until, useDom } from "../../customer-account/test/dom.ts";
import { CustomerBlock, memberPageHref } from "../src/components/CustomerBlock.tsx";
import { OrderBlock } from "../src/components/OrderBlock.tsx";
import { REASON_MAX } from "../src/data/text.ts";
import { hostClient, selectedId } from "../src/host.ts";

/**
 * The blocks against the real server: signed Shopify webhooks earn and reverse through the worker,
 * a fake `shopify` global hands out the admin's ID token (an App Bridge session token signed with the
 * test app's secret) and the page's resource GID, and the client calls /admin/graphql over HTTP.
 */
const CUSTOMER = "115310627314723954"; // beyond 2^53: a Number would round it
const ORDER = "820982911946154508";
const EXTENSIONS_ORIGIN = "https://extensions.shopifycdn.com";
let harness: Harness;
let shop: string;
let dom: ReturnType<typeof useDom> | undefined;

beforeAll(async () => {
  harness = await startHarness("app_admin_blocks");
  shop = await newShop(harness.engine, "admin-blocks");
  for (const [topic, file] of [
    ["orders/paid", "orders-paid-customer.json"],
    ["refunds/create", "refunds-create.json"],
  ] as const)
    expect((await deliver(harness.url, shop, topic, fixture(file))).status).toBe(200);
  await drained(harness.engine, shop);
});
afterAll(async () => {
  await harness?.close();
});
afterEach(async () => {
  await dom?.close();
  dom = undefined;
});

/** The admin extension's host: `shopify.auth.idToken()` and the page's selected resource. */
function fakeShopify(gid: string, token: () => Promise<string | null> = () => sessionToken(shop)) {
  const shopify = { auth: { idToken: vi.fn(token) }, data: { selected: [{ id: gid }] } };
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
const rows = (root: HTMLElement) => [...root.querySelectorAll("s-table-body s-table-row")] as HTMLElement[];
const cells = (row: HTMLElement) => [...row.querySelectorAll("s-table-cell")].map((c) => c.textContent ?? "");

/** What the server itself answers for the admin, to compare the blocks with. */
async function admin<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await gql(`${harness.url}/admin/graphql`, query, {
    headers: { authorization: `Bearer ${await sessionToken(shop)}` },
    variables,
  });
  expect(res.body.errors).toBeUndefined();
  return res.body.data as T;
}

describe("the customer page block", () => {
  it("shows the member's tier, points and growth, the earn and the refund's reversal in the ledger, and links to the member page", async () => {
    const shopify = fakeShopify(`gid://shopify/Customer/${CUSTOMER}`);
    const root = mount(h(CustomerBlock, { client: hostClient(harness.url), customerId: selectedId("Customer") }));
    await until(() => expect(root.querySelector("s-table")).not.toBeNull());
    expect(shopify.auth.idToken).toHaveBeenCalled();
    const { member } = await admin<{
      member: { tier: { name: string }; points: { available: number; pending: number }; growth: number; nextTier: { name: string } | null };
    }>("query($id: ID!) { member(customerId: $id) { tier { name } points { available pending } growth nextTier { name } } }", {
      id: CUSTOMER,
    });
    expect(member.points.available + member.points.pending).toBeGreaterThan(0);
    expect(root.querySelector("s-badge")?.textContent).toBe(member.tier.name);
    expect(text(root)).toContain(`${member.points.available.toLocaleString("en-US")} point`);
    expect(text(root)).toContain(`${member.points.pending.toLocaleString("en-US")} point${member.points.pending === 1 ? "" : "s"} pending`);
    expect(text(root)).toContain(`Growth ${member.growth.toLocaleString("en-US")}`);
    if (member.nextTier) expect(text(root)).toContain(`to ${member.nextTier.name}`);
    const kinds = rows(root).map((r) => cells(r)[1]);
    expect(kinds).toContain("Earned");
    expect(kinds).toContain("Reversed");
    const reversal = rows(root).find((r) => cells(r)[1] === "Reversed");
    expect(cells(reversal as HTMLElement)[2]).toMatch(/^-\d/);
    expect(root.querySelector("s-link")?.getAttribute("href")).toBe(memberPageHref(CUSTOMER));
    expect(memberPageHref(CUSTOMER)).toBe(`app:members/${CUSTOMER}`);
  });

  it("lists only the newest five lines, cuts a long reason with the full text in a tooltip, and warns of points expiring soon", async () => {
    // From now on points expire 20 days after they are earned: the credits below expire soon.
    const program = await harness.engine.program(shop);
    if (!program.ok) throw new Error(program.error.message);
    const expiry = { kind: "afterEarn", days: 20, roundToMonthEnd: false };
    const updated = await harness.engine.updateConfig(shop, { ...program.value.config, expiry }, "test", new Date());
    if (!updated.ok) throw new Error(updated.error.message);
    const reason = `Goodwill after the late delivery of order #${ORDER}; the courier lost the parcel twice and the customer called three times`;
    for (const [i, points] of [10, 20, 30, 40].entries()) {
      const done = await admin<{ adjustPoints: { customerId: string } }>(
        "mutation($c: ID!, $p: Int!, $r: String!, $k: String!) { adjustPoints(customerId: $c, points: $p, reason: $r, idempotencyKey: $k) { customerId } }",
        { c: CUSTOMER, p: points, r: i === 3 ? reason : `Goodwill ${i}`, k: `admin-blocks-${i}` },
      );
      expect(done.adjustPoints.customerId).toBe(CUSTOMER);
    }
    fakeShopify(`gid://shopify/Customer/${CUSTOMER}`);
    const root = mount(h(CustomerBlock, { client: hostClient(harness.url), customerId: selectedId("Customer") }));
    await until(() => expect(rows(root).length).toBeGreaterThan(0));
    expect(rows(root)).toHaveLength(5);
    const newest = rows(root)[0] as HTMLElement;
    expect(cells(newest).slice(1, 3)).toEqual(["Adjusted", "+40"]);
    const shown = newest.querySelector("s-text")?.textContent ?? "";
    expect(shown.endsWith("…")).toBe(true);
    expect([...shown].length).toBeLessThanOrEqual(REASON_MAX);
    expect(reason.startsWith(shown.slice(0, -1))).toBe(true);
    const { member } = await admin<{ member: { points: { expiringSoon: { points: number; on: string }[] } } }>(
      "query($id: ID!) { member(customerId: $id) { points { expiringSoon { points on } } } }",
      { id: CUSTOMER },
    );
    const expiring = member.points.expiringSoon;
    expect(expiring.reduce((sum, b) => sum + b.points, 0)).toBe(100);
    const first = expiring.map((b) => b.on).sort()[0] ?? "";
    expect(text(root)).toContain(`100 points expire soon (first on ${day(first)})`);
    const tooltip = newest.querySelector("s-tooltip");
    expect(tooltip?.textContent).toBe(reason);
    expect(newest.querySelector("s-text")?.getAttribute("interestFor") ?? newest.querySelector("s-text")?.getAttribute("interestfor")).toBe(
      tooltip?.getAttribute("id"),
    );
  });

  it("says a customer who is not a member yet is not one, with no ledger and no member link", async () => {
    fakeShopify("gid://shopify/Customer/18446744073709551615");
    const root = mount(h(CustomerBlock, { client: hostClient(harness.url), customerId: selectedId("Customer") }));
    await until(() => expect(text(root)).toContain("Not a member yet"));
    expect(root.querySelector("s-table")).toBeNull();
    expect(root.querySelector("s-link")).toBeNull();
    expect(root.querySelector("s-admin-block")?.getAttribute("collapsedSummary") ?? "").toBe("Not a member yet");
  });
});

describe("the order page block", () => {
  it("shows what the order earned, what its refund reversed, the net and its growth", async () => {
    fakeShopify(`gid://shopify/Order/${ORDER}`);
    const root = mount(h(OrderBlock, { client: hostClient(harness.url), orderId: selectedId("Order") }));
    await until(() => expect(text(root)).toContain("Net:"));
    const { order } = await admin<{ order: { earned: number; reversed: number; growth: number } }>(
      "query($id: ID!) { order(orderId: $id) { earned reversed growth } }",
      { id: ORDER },
    );
    // 380.97 of merchandise after discounts at a point a dollar; the refund takes back its lines' share.
    expect(order.earned).toBe(380);
    expect(order.reversed).toBeGreaterThan(0);
    expect(order.reversed).toBeLessThan(order.earned);
    const n = (v: number) => `${v.toLocaleString("en-US")} points`;
    expect(text(root)).toContain(`Earned: ${n(order.earned)}`);
    expect(text(root)).toContain(`Reversed (refunds and cancellation): ${n(order.reversed)}`);
    expect(text(root)).toContain(`Net: ${n(order.earned - order.reversed)}`);
    expect(text(root)).toContain(`Growth: ${order.growth.toLocaleString("en-US")}`);
  });

  it("says an order that earned nothing earned no points", async () => {
    fakeShopify("gid://shopify/Order/9007199254740993");
    const root = mount(h(OrderBlock, { client: hostClient(harness.url), orderId: selectedId("Order") }));
    await until(() => expect(text(root)).toContain("This order earned no loyalty points."));
    expect(text(root)).not.toContain("Net:");
  });
});

describe("a forged ID token", () => {
  const forged = () => sessionToken(shop, { secret: "not-the-app-secret" });

  it("is refused with 401 and no data", async () => {
    const res = await gql(`${harness.url}/admin/graphql`, "query($id: ID!) { member(customerId: $id) { customerId } }", {
      headers: { authorization: `Bearer ${await forged()}`, origin: EXTENSIONS_ORIGIN },
      variables: { id: CUSTOMER },
    });
    expect(res.status).toBe(401);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // The extension can read the refusal: the error answer carries the CORS grant too.
    expect(res.headers.get("access-control-allow-origin")).toBe(EXTENSIONS_ORIGIN);
  });

  it("shows an error in both blocks, not data", async () => {
    fakeShopify(`gid://shopify/Customer/${CUSTOMER}`, forged);
    const customer = mount(h(CustomerBlock, { client: hostClient(harness.url), customerId: selectedId("Customer") }));
    const banner = (root: HTMLElement) => root.querySelector('s-banner[tone="critical"]');
    await until(() => expect(banner(customer)).not.toBeNull());
    expect(banner(customer)?.getAttribute("heading")).toBe("Loyalty could not be loaded");
    expect(banner(customer)?.textContent).toBe("invalid or expired session token");
    expect(customer.querySelector("s-badge")).toBeNull();
    await dom?.close();

    fakeShopify(`gid://shopify/Order/${ORDER}`, forged);
    const order = mount(h(OrderBlock, { client: hostClient(harness.url), orderId: selectedId("Order") }));
    await until(() => expect(banner(order)?.getAttribute("heading")).toBe("Loyalty could not be loaded"));
    expect(text(order)).not.toContain("Earned:");
  });
});

describe("no ID token", () => {
  it("the server refuses the call and the block says why", async () => {
    vi.stubGlobal("shopify", { auth: { idToken: async () => null }, data: { selected: [{ id: `gid://shopify/Customer/${CUSTOMER}` }] } });
    const root = mount(h(CustomerBlock, { client: hostClient(harness.url), customerId: selectedId("Customer") }));
    await until(() => expect(root.querySelector('s-banner[tone="critical"]')).not.toBeNull());
    expect(text(root)).toBe("an admin request needs a Shopify session token or an API key");
  });
});

describe("CORS on /admin/graphql", () => {
  const preflight = (origin: string, path = "/admin/graphql") =>
    fetch(`${harness.url}${path}`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
    });

  it("grants Shopify's extensions origin the POST with an Authorization header", async () => {
    const res = await preflight(EXTENSIONS_ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(EXTENSIONS_ORIGIN);
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")).toContain("authorization");
    const answer = await gql(`${harness.url}/admin/graphql`, "query($id: ID!) { member(customerId: $id) { customerId } }", {
      headers: { authorization: `Bearer ${await sessionToken(shop)}`, origin: EXTENSIONS_ORIGIN },
      variables: { id: CUSTOMER },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ member: { customerId: CUSTOMER } });
    expect(answer.headers.get("access-control-allow-origin")).toBe(EXTENSIONS_ORIGIN);
  });

  it("grants no other origin, and no other route to the extensions origin", async () => {
    for (const origin of ["https://evil.example", "https://extensions.shopifycdn.com.evil.example", "http://extensions.shopifycdn.com"]) {
      const res = await preflight(origin);
      expect(res.headers.get("access-control-allow-origin"), origin).toBeNull();
      expect(res.headers.get("access-control-allow-headers"), origin).toBeNull();
      const answer = await gql(`${harness.url}/admin/graphql`, "{ program { key } }", {
        headers: { authorization: `Bearer ${await sessionToken(shop)}`, origin },
      });
      expect(answer.headers.get("access-control-allow-origin"), origin).toBeNull();
    }
    // The headless storefront door keeps its own list (empty here): the extensions origin is not on it.
    const storefront = await preflight(EXTENSIONS_ORIGIN, "/storefront/graphql");
    expect(storefront.headers.get("access-control-allow-origin")).toBeNull();
  });
});
