import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../plugin/app/src/main.ts";
import { paidOrder, sessionToken } from "../../plugin/app/test/api-support.ts";
import { embeddedQuery, pageErrors, routeAppBridge, startTestApp, type TestApp } from "./shopify-admin-support.ts";
import { ARTIFACTS, launchChromium, seriousViolations } from "./support.ts";

/**
 * The embedded app's home in Debian's Chromium, on the server `npm start` runs (Postgres here).
 * App Bridge only loads from Shopify's CDN: the page's request for it is answered with the
 * server's App Bridge shim whose idToken() returns a session token signed with the test app's secret.
 */
let browser: Browser;
let app: RunningApp;
let server: TestApp | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startTestApp("browser_app_home");
  app = server.app;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the app home in Chromium", () => {
  it("asks App Bridge for a session token and shows the program's status", async () => {
    // A shop connected with a custom app's token: the shell needs no token exchange here. Its
    // program is in EUR; one order in USD earned nothing and is shown as a problem.
    const shop = `browser-${randomUUID().slice(0, 8)}.myshopify.com`;
    expect((await app.engine.shops.connect(shop, "shpat_browser", new Date(), "EUR", "Europe/Paris")).ok).toBe(true);
    for (const [i, customer] of ["c-1", "c-2"].entries())
      await app.engine.apply(shop, { ...paidOrder(`o-${i}`, customer, 1_000), currency: "EUR" }, new Date());
    await app.engine.apply(shop, paidOrder("o-usd", "c-3", 1_000), new Date());

    const token = await sessionToken(shop, { expiresIn: 3600 });
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: "en-US" });
    const page = await context.newPage();
    let sent: string | null = null;
    page.on("request", (r) => {
      if (new URL(r.url()).pathname === "/app/session") sent = r.headers().authorization ?? null;
    });
    await routeAppBridge(page, shop, token);
    const errors = pageErrors(page);

    await page.goto(`${app.url}/app${embeddedQuery(shop)}`);
    await page.getByRole("heading", { name: "Get started with Kinship", level: 1 }).waitFor({ timeout: 20_000 });
    const status = page.locator("dl");
    await status.getByText(shop, { exact: true }).waitFor();

    expect(await page.getByRole("heading", { name: "Kinship rewards", level: 2 }).count()).toBe(1);
    const value = (term: string) => status.locator(`dt:has-text('${term}') + dd`).textContent();
    expect(await value("Status")).toBe("Connected");
    expect(await value("Members")).toBe("2");
    expect(await value("Currency")).toBe("EUR");
    expect(await value("Time zone")).toBe("Europe/Paris");
    await page.getByText("1 order in USD earned no points: the program's currency is EUR.").waitFor();
    expect(sent).toBe(`Bearer ${token}`);
    // The bundle ran under the shell's CSP (a blocked script would have left "Loading Kinship…").
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "app-home.png"), fullPage: true });
    await context.close();

    // axe-core is injected as an inline script, which the shell's policy (rightly) refuses: the
    // same page is checked again in a context that bypasses the CSP.
    const axeContext = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: "en-US", bypassCSP: true });
    const axePage = await axeContext.newPage();
    await routeAppBridge(axePage, shop, token);
    await axePage.goto(`${app.url}/app${embeddedQuery(shop)}`);
    await axePage.locator("dl").getByText(shop, { exact: true }).waitFor({ timeout: 20_000 });
    expect(await seriousViolations(axePage), "axe-core: serious or critical violations").toEqual([]);
    await axeContext.close();
  });
});
