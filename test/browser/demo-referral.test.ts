import type { Browser, BrowserContext, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../plugin/app/src/main.ts";
import { type DemoServer, demoServer, launchChromium, seriousViolations } from "./support.ts";

/**
 * Referral capture on the demo storefront in Chromium: the app embed's referral.js keeps `?ref=`
 * and a device id in first-party cookies and puts them on the cart (the demo's stand-in for
 * Shopify's `/cart/update.js`) once per value; a signed-in member's browser is recorded once per session.
 */
let browser: Browser;
let app: RunningApp;
let server: DemoServer | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  server = await demoServer("browser_referral", "referral.js");
  app = server.app;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const CART = "/demo/cart/update.js";

/** Every cart update and recordSession call the pages of `context` send. */
function watch(context: BrowserContext) {
  const carts: Record<string, string>[] = [];
  const sessions: string[] = [];
  context.on("request", (r: Request) => {
    const path = new URL(r.url()).pathname;
    if (path === CART && r.method() === "POST") carts.push(r.postDataJSON().attributes);
    if (path === "/storefront/graphql" && (r.postData() ?? "").includes("KinshipRecordSession"))
      sessions.push(r.postDataJSON().variables.d);
  });
  return { carts, sessions };
}

const settled = (context: BrowserContext) =>
  context
    .pages()[0]
    ?.waitForFunction(() => document.querySelectorAll("kinship-price[aria-busy]").length === 0, undefined, { timeout: 15_000 });

describe("referral capture on the demo storefront in Chromium", () => {
  it("?ref= lands in a 30-day first-party cookie with a 1-year device id, and on the cart once per value", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const seen = watch(context);
    const page = await context.newPage();
    const updated = page.waitForResponse((r) => new URL(r.url()).pathname === CART);
    await page.goto(`${app.url}/demo?as=guest&ref=GOLD42`);
    expect((await updated).status()).toBe(200);
    await settled(context);

    const cookies = Object.fromEntries((await context.cookies()).map((c) => [c.name, c]));
    expect(cookies.kinship_ref?.value).toBe("GOLD42");
    expect(cookies.kinship_ref?.sameSite).toBe("Lax");
    expect(cookies.kinship_ref?.path).toBe("/");
    const now = Date.now() / 1000;
    expect(Math.round(((cookies.kinship_ref?.expires ?? 0) - now) / 86400)).toBe(30);
    expect(cookies.kinship_device?.value).toMatch(/^[\da-f-]{36}$/);
    expect(Math.round(((cookies.kinship_device?.expires ?? 0) - now) / 86400)).toBe(365);
    expect(seen.carts).toEqual([{ kinship_ref: "GOLD42", kinship_device: cookies.kinship_device?.value }]);

    // Other pages: the referral stays, nothing is sent again.
    await page.goto(`${app.url}/demo?as=guest`);
    await settled(context);
    await page.goto(`${app.url}/demo?as=guest`);
    await settled(context);
    expect(seen.carts).toHaveLength(1);
    // A guest records no session.
    expect(seen.sessions).toEqual([]);

    // Another friend's link: the new code goes on the cart.
    await page.goto(`${app.url}/demo?as=guest&ref=SILVER7`);
    await settled(context);
    await expect.poll(() => seen.carts.length).toBe(2);
    expect(seen.carts[1]).toEqual({ kinship_ref: "SILVER7", kinship_device: cookies.kinship_device?.value });
    expect(await seriousViolations(page), "axe-core: serious or critical violations").toEqual([]);
    await context.close();
  });

  it("a signed-in member's page sends recordSession once, with the device id", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const seen = watch(context);
    const page = await context.newPage();
    await page.goto(`${app.url}/demo`);
    await settled(context);
    await expect.poll(() => seen.sessions.length).toBe(1);
    const device = (await context.cookies()).find((c) => c.name === "kinship_device")?.value;
    // Once, though referral.js and both React providers on the page each ask.
    expect(seen.sessions).toEqual([device]);
    await context.close();
  });
});
