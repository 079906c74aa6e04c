import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../plugin/app/src/main.ts";
import { sessionToken } from "../../plugin/app/test/api-support.ts";
import { embeddedQuery, pageErrors, routeAppBridge, startTestApp, type TestApp } from "./shopify-admin-support.ts";
import { ARTIFACTS, gate, launchChromium, seriousViolations } from "./support.ts";

/**
 * Moving in, in the Shopify admin (issue 17): the Import members screen in Debian's Chromium against
 * the server `npm start` runs. A file with bad rows lists them by line; the fixed file is applied
 * part by part (a large file is sent in parts) behind a progress bar, then shows in the history.
 */
let browser: Browser;
let app: RunningApp;
let server: TestApp | undefined;
let context: BrowserContext;
let page: Page;
const shop = `movers-${randomUUID().slice(0, 8)}.myshopify.com`;
let errors: string[] = [];

/** 4,500 members: more than one part (a part is at most 2,000 rows and 80 kB). */
const ROWS = 4_500;
const row = (i: number) => `${7000 + i},member${i}@example.com,${(i % 50) * 10 + 10}`;
const file = (rows: (i: number) => string) => `customer_id,email,points\n${Array.from({ length: ROWS }, (_, i) => rows(i)).join("\n")}\n`;
const good = file(row);
const pointsTotal = Array.from({ length: ROWS }, (_, i) => (i % 50) * 10 + 10).reduce((a, b) => a + b, 0);
/** Row 2 (line 3) and row 4,321 (line 4,322) are bad. */
const bad = file((i) => (i === 1 ? "7001,member1@example.com,lots" : i === 4_320 ? ",member4320@example.com,10" : row(i)));

async function check(name: string) {
  await page.screenshot({ path: join(ARTIFACTS, `shopify-${name}.png`), fullPage: true });
  expect(await seriousViolations(page), `axe-core on ${name}`).toEqual([]);
}

const choose = (name: string, text: string) =>
  page.locator("input[type=file]").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

beforeAll(async () => {
  browser = await launchChromium();
  server = await startTestApp("browser_shopify_import");
  app = server.app;
  expect((await app.engine.shops.connect(shop, "shpat_movers", new Date(), "USD", "UTC")).ok).toBe(true);
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US", bypassCSP: true });
  await routeAppBridge(context, shop, await sessionToken(shop, { expiresIn: 3600 }));
  page = await context.newPage();
  errors = pageErrors(page);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe("the Shopify admin's Import members screen in Chromium", () => {
  it("a bad file lists its bad rows by line; the fixed file applies behind a progress bar and shows in the history", async () => {
    await page.goto(`${app.url}/app/imports${embeddedQuery(shop)}`);
    await page.getByRole("heading", { name: "Import members", level: 1 }).waitFor({ timeout: 20_000 });
    expect(await page.locator('ui-nav-menu a[href="/app/imports"]').textContent()).toBe("Import members");
    await page.getByText("No imports yet.").waitFor({ timeout: 15_000 });
    await page.getByLabel("Export from").selectOption("CSV");

    await choose("old-loyalty.csv", bad);
    await page.getByText("4,500 rows").waitFor();
    await page.getByRole("button", { name: "Check file" }).click();
    const badRows = page.getByRole("table", { name: "Bad rows" }).locator("tbody tr");
    await expect.poll(() => badRows.count(), { timeout: 30_000 }).toBe(2);
    expect(await badRows.locator("td:first-child").allTextContents()).toEqual(["3", "4,322"]);
    await page.getByText("2 bad rows: nothing will be imported").waitFor();
    expect(await page.getByRole("button", { name: "Apply import" }).count()).toBe(0);
    await check("import-bad-rows");

    await choose("old-loyalty.csv", good);
    await page.getByRole("button", { name: "Check file" }).click();
    await page.getByText("No bad rows: ready to import").waitFor({ timeout: 30_000 });
    await page
      .getByText(`${new Intl.NumberFormat("en-US").format(pointsTotal)} points`)
      .first()
      .waitFor();

    // Holds the second part of the apply until the progress bar has been seen.
    const held = gate();
    let applied = 0;
    await page.route("**/admin/graphql", async (route) => {
      const body = route.request().postDataJSON() as { variables?: { dryRun?: boolean } };
      if (body.variables?.dryRun === false) {
        applied += 1;
        if (applied === 2) await held.wait;
      }
      await route.continue();
    });
    await page.getByRole("button", { name: "Apply import" }).click();
    const bar = page.getByRole("progressbar");
    await bar.waitFor({ timeout: 15_000 });
    await page.getByText(/^Importing: 1 of \d+ parts done, 2,000 rows$/).waitFor({ timeout: 15_000 });
    expect(Number(await bar.getAttribute("value"))).toBeGreaterThan(0);
    await check("import-progress");
    held.open();
    await page.getByText("Imported 4,500 rows from old-loyalty.csv").waitFor({ timeout: 60_000 });
    expect(applied).toBeGreaterThanOrEqual(3);

    const history = page.getByRole("table", { name: "Applied imports" }).locator("tbody tr");
    await expect.poll(() => history.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await history.first().textContent()).toContain("old-loyalty.csv");
    await check("import-applied");
    expect(errors).toEqual([]);
  });
});
