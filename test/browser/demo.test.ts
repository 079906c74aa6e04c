import { join } from "node:path";
import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../plugin/app/src/main.ts";
import {
  ARTIFACTS,
  boxes,
  CLS_OBSERVER,
  DEMO_MEMBER_POINTS,
  type DemoServer,
  demoServer,
  gate,
  launchChromium,
  seriousViolations,
} from "./support.ts";

/**
 * The demo storefront as `npm start` serves it (on Postgres here), in Debian's Chromium: the
 * theme embed's custom elements price a grid of 50 products for a signed-in member and a guest.
 */
let browser: Browser;
let app: RunningApp;
let server: DemoServer | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  server = await demoServer("browser_demo");
  app = server.app;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const API = "/storefront/graphql";
const isPriceRequest = (r: Request) => new URL(r.url()).pathname === API && (r.postData() ?? "").includes("query KinshipPrices");

interface Visit {
  page: Page;
  priceRequests: () => number;
  /** Boxes of the prices (and the account slots) while the API was held back, and after it answered. */
  before: { prices: number[][]; account: number[][] };
  after: { prices: number[][]; account: number[][] };
  shift: number;
}

/**
 * Opens a demo view with the API held back until the boxes the widgets reserved are measured,
 * then lets it answer and measures again once every price is drawn.
 */
async function visit(path: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const page = await context.newPage();
  await page.addInitScript(CLS_OBSERVER);
  let priceRequests = 0;
  page.on("request", (r) => {
    if (isPriceRequest(r)) priceRequests += 1;
  });
  const held = gate();
  await page.route(`**${API}`, async (route) => {
    await held.wait;
    await route.continue();
  });
  await page.goto(`${app.url}${path}`);
  await page.waitForFunction(
    () => customElements.get("kinship-price") && document.querySelectorAll("kinship-price[aria-busy]").length === 50,
  );
  const measure = async () => ({ prices: await boxes(page, "kinship-price"), account: await boxes(page, ".account > *") });
  const before = await measure();
  held.open();
  await page.waitForFunction(() => document.querySelectorAll("kinship-price:not([aria-busy])").length === 50, undefined, {
    timeout: 15_000,
  });
  await page.waitForFunction(() => document.querySelectorAll("[aria-busy]").length === 0);
  // Nothing else trickles in afterwards.
  await page.waitForTimeout(300);
  const after = await measure();
  const shift = await page.evaluate(() => (window as unknown as { __kinshipShift: number }).__kinshipShift);
  return { page, priceRequests: () => priceRequests, before, after, shift };
}

const text = async (page: Page, selector: string) => (await page.locator(selector).first().textContent()) ?? "";

describe("the demo storefront in Chromium", () => {
  it("a signed-in member sees their badge, points and member prices, from one price request, with nothing moving", async () => {
    const v = await visit("/demo");
    const { page } = v;
    expect(await text(page, "kinship-badge")).toContain("Gold member");
    expect(await text(page, "kinship-points")).toBe(DEMO_MEMBER_POINTS);
    // Classic Wool Coat, $189.00: outerwear, 15% off for Gold.
    const coat = await text(page, "kinship-price");
    expect(coat).toContain("$189.00");
    expect(coat).toContain("$160.65");
    expect(await page.locator("kinship-price s").count()).toBe(50);

    expect(v.priceRequests()).toBe(1);
    expect(v.after.prices).toEqual(v.before.prices);
    expect(v.after.account).toEqual(v.before.account);
    expect(v.shift).toBeLessThan(0.01);

    expect(await seriousViolations(page), "axe-core: serious or critical violations").toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "demo-member.png"), fullPage: true });
    await page.context().close();
  });

  it("a guest sees the 'join to get this price' teaser on every product, with the same guarantees", async () => {
    const v = await visit("/demo?as=guest");
    const { page } = v;
    expect(await page.locator("kinship-badge, kinship-points").count()).toBe(0);
    const coat = await text(page, "kinship-price");
    expect(coat).toContain("$189.00");
    // Every member saves 5%: $179.55.
    expect(coat).toContain("Join to get $179.55");
    expect(await page.locator("kinship-price s").count()).toBe(0);
    expect(await page.getByText(/^Join to get /).count()).toBe(50);

    expect(v.priceRequests()).toBe(1);
    expect(v.after.prices).toEqual(v.before.prices);
    expect(v.shift).toBeLessThan(0.01);

    expect(await seriousViolations(page), "axe-core: serious or critical violations").toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "demo-guest.png"), fullPage: true });
    await page.context().close();
  });

  it("partner perks: the Gold member claims the café's coffee and gets a code that stays listed; a guest is asked to sign in", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${app.url}/demo`);
    const perks = page.locator(".kinship-perks");
    await perks.getByRole("button", { name: /Corner Café/ }).waitFor({ timeout: 15_000 });
    expect(await perks.locator(".kinship-perks__blocked").allTextContents()).toEqual(["All claimed"]); // the cinema's pool is empty
    await perks.getByRole("button", { name: /Corner Café/ }).click();
    await expect.poll(() => perks.locator(".kinship-perks__result").textContent()).toBe("Your code: CAFE-0001");
    await expect.poll(() => perks.locator(".kinship-perks__codes").first().textContent()).toContain("CAFE-0001");
    await page.screenshot({ path: join(ARTIFACTS, "demo-perks.png"), fullPage: true });

    // Once a month: after a reload the coffee reads "Claimed" and the code is still there.
    await page.reload();
    await expect.poll(() => perks.locator(".kinship-perks__blocked").allTextContents()).toEqual(["Claimed", "All claimed"]);
    expect(await perks.locator(".kinship-perks__codes").first().textContent()).toContain("CAFE-0001");
    expect(await seriousViolations(page), "axe-core: serious or critical violations").toEqual([]);

    await page.goto(`${app.url}/demo?as=guest`);
    await expect.poll(() => perks.locator(".kinship-perks__blocked").allTextContents()).toEqual(["Sign in to claim", "Sign in to claim"]);
    expect(await perks.getByRole("button").count()).toBe(0);
    await context.close();
  });
});
