import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../../plugin/app/src/main.ts";
import { DEMO_PROGRAM } from "../../plugin/engine/src/cli/demo-events.ts";
import { isolatedDatabase } from "../support/isolated.ts";
import { ARTIFACTS, launchChromium, seriousViolations } from "./support.ts";

/**
 * `npm start` with no Shopify app: the dev sign-in opens the demo program's admin in Chromium, with
 * the server's own App Bridge shim (no request leaves for Shopify's CDN).
 */
let browser: Browser;
let app: RunningApp;
let dropDatabase: () => Promise<void>;

beforeAll(async () => {
  browser = await launchChromium();
  const database = await isolatedDatabase("browser_admin_dev");
  dropDatabase = database.drop;
  app = await startApp({ DATABASE_URL: database.url, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", KINSHIP_WORKER: "off" });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await dropDatabase?.();
});

describe("the dev sign-in (no SHOPIFY_API_KEY)", () => {
  it("the home page links to the admin; the sign-in page opens the demo program's admin with the local shim", async () => {
    const home = await fetch(`${app.url}/`);
    expect(await home.text()).toContain('<a href="/app">The admin</a>');

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(app.url)) outside.push(r.url());
    });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    await page.goto(`${app.url}/app`);
    await expect.poll(() => page.locator("main").textContent()).toContain("Development sign-in: you are outside Shopify");
    await page.getByRole("button", { name: "Open the demo program's admin" }).click();

    // The admin's landing screen, with the demo program's real state.
    await page.getByRole("heading", { name: "Get started with Kinship", level: 1 }).waitFor({ timeout: 20_000 });
    await page.getByText(DEMO_PROGRAM, { exact: true }).waitFor();
    const cookies = await context.cookies();
    const dev = cookies.find((c) => c.name === "kinship_dev");
    expect(dev).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/app" });
    // The nav menu is rendered by the shim and moves the SPA without a reload.
    await page.getByRole("navigation", { name: "Kinship" }).getByRole("link", { name: "Members", exact: true }).click();
    await page.getByRole("heading", { name: "Members", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/app/members");
    await page.getByRole("row").nth(1).waitFor();
    expect(await page.getByRole("row").count()).toBeGreaterThan(1);
    await page.screenshot({ path: join(ARTIFACTS, "shopify-admin-dev-members.png"), fullPage: true });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();

    // axe-core goes in as an inline script, which the pages' policies (rightly) refuse: checked in a context that bypasses CSP.
    const axeContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US", bypassCSP: true });
    const axePage = await axeContext.newPage();
    await axePage.goto(`${app.url}/app`);
    expect(await seriousViolations(axePage), "the sign-in page").toEqual([]);
    await axeContext.close();
  });

  it("the token route refuses without the cookie", async () => {
    const res = await fetch(`${app.url}/app/dev/token`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { ok: boolean }).ok).toBe(false);
    const forged = await fetch(`${app.url}/app/dev/token`, { headers: { cookie: "kinship_dev=eyJhbGciOiJIUzI1NiJ9.e30.x" } });
    expect(forged.status).toBe(401);
  });
});

describe("with a Shopify app configured and no KINSHIP_DEV_SIGNIN", () => {
  it("/app/dev/* answers 404 and /app without a shop is the 400 page", async () => {
    const database = await isolatedDatabase("admin_dev_off");
    const real = await startApp({
      DATABASE_URL: database.url,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      KINSHIP_WORKER: "off",
      SHOPIFY_API_KEY: "real-key",
      SHOPIFY_API_SECRET: "real-secret",
    });
    try {
      for (const path of ["/app/dev/token", "/app/dev/app-bridge.js"]) expect((await fetch(`${real.url}${path}`)).status).toBe(404);
      expect((await fetch(`${real.url}/app/dev/sign-in`, { method: "POST" })).status).toBe(404);
      const home = await fetch(`${real.url}/app`);
      expect(home.status).toBe(400);
      expect(await home.text()).not.toContain("Development sign-in");
    } finally {
      await real.close();
      await database.drop();
    }
  });
});
