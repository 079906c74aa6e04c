import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../plugin/app/src/main.ts";
import { sessionToken } from "../../plugin/app/test/api-support.ts";
import { embeddedQuery, pageErrors, routeAppBridge, startTestApp, type TestApp } from "./shopify-admin-support.ts";
import { ARTIFACTS, launchChromium, seriousViolations } from "./support.ts";

/** The Shopify admin's Data requests screen in Debian's Chromium against the server `npm start` runs. */
let browser: Browser;
let app: RunningApp;
let server: TestApp | undefined;
let context: BrowserContext;
let page: Page;
const shop = `dex-${randomUUID().slice(0, 8)}.myshopify.com`;
const CUSTOMER = "7093528526903";
let errors: string[] = [];

const toastText = () => page.locator(".kinship-dev-toasts").textContent();

beforeAll(async () => {
  browser = await launchChromium();
  server = await startTestApp("browser_shopify_data_requests");
  app = server.app;
  expect((await app.engine.shops.connect(shop, "shpat_dex", new Date(), "USD", "UTC")).ok).toBe(true);
  const now = new Date();
  const credited = await app.engine.apply(
    shop,
    { type: "adjust", key: "dex-welcome", customerId: CUSTOMER, points: 120, reason: "welcome", actor: "setup" },
    now,
  );
  expect(credited.ok).toBe(true);
  // As Shopify's customers/data_request webhook makes one.
  expect((await app.engine.compliance.exportMember(shop, CUSTOMER, "9001", now)).ok).toBe(true);
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US", bypassCSP: true, acceptDownloads: true });
  await routeAppBridge(context, shop, await sessionToken(shop, { expiresIn: 3600 }));
  page = await context.newPage();
  errors = pageErrors(page);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe("the Shopify admin's Data requests screen in Chromium", () => {
  it("lists Shopify's data request, opens it and downloads it as JSON; exports a customer now; says who is not a member", async () => {
    await page.goto(`${app.url}/app/data-requests${embeddedQuery(shop)}`);
    await page.getByRole("heading", { name: "Data requests", level: 1 }).waitFor({ timeout: 20_000 });
    expect(await page.locator(`ui-nav-menu a[href="/app/data-requests"]`).textContent()).toBe("Data requests");
    const row = page.locator("tbody tr").filter({ hasText: "Data request 9001" });
    await row.waitFor();
    expect(await row.textContent()).toContain(CUSTOMER);

    await row.getByRole("button", { name: new RegExp(`^View the export of ${CUSTOMER}`) }).click();
    await page.getByRole("heading", { name: `Export of ${CUSTOMER}` }).waitFor();
    await page.getByText("Ledger lines: 1").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download JSON" }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^kinship-data-export-${CUSTOMER}-\\d+\\.json$`));
    const file = JSON.parse(await readFile((await download.path()) as string, "utf8"));
    expect(file).toMatchObject({
      customerId: CUSTOMER,
      requestRef: "9001",
      data: { member: { customerId: CUSTOMER, points: { available: 120 } }, ledger: [expect.objectContaining({ available: 120 })] },
    });
    await page.screenshot({ path: join(ARTIFACTS, "shopify-data-requests.png"), fullPage: true });
    expect(await seriousViolations(page), "axe-core on data requests").toEqual([]);

    await page.getByLabel("Customer id", { exact: true }).fill(CUSTOMER);
    await page.getByRole("button", { name: "Export data" }).click();
    await expect.poll(toastText, { timeout: 15_000 }).toContain(`Export of ${CUSTOMER} made`);
    await expect.poll(() => page.locator("tbody tr").count()).toBe(2);
    expect(await page.locator("tbody tr").first().textContent()).toContain("Made by the owner");

    await page.getByLabel("Customer id", { exact: true }).fill("404");
    await page.getByRole("button", { name: "Export data" }).click();
    await page.getByText("404 is not a member: Kinship holds nothing on them.").waitFor();
    expect(await seriousViolations(page), "axe-core with the form's error").toEqual([]);
    expect(errors).toEqual([]);
  });
});
