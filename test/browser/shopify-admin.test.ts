import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { mapCustom } from "@kinship/webhooks";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_BRIDGE_URL } from "../../plugin/app/src/home/app-shell.ts";
import type { RunningApp } from "../../plugin/app/src/main.ts";
import { paidOrder, sessionToken } from "../../plugin/app/test/api-support.ts";
import { API_KEY } from "../../plugin/app/test/support.ts";
import { embeddedQuery, pageErrors, routeAppBridge, startTestApp, type TestApp } from "./shopify-admin-support.ts";
import { ARTIFACTS, launchChromium, seriousViolations } from "./support.ts";

/**
 * The Shopify embedded admin in Debian's Chromium, on the server `npm start` runs (Postgres here).
 * App Bridge's CDN URL is answered by the server's own App Bridge shim (plugin/app's dev sign-in
 * uses the same file) whose idToken() returns a session token signed with the test app's secret.
 * Every screen reads and writes through POST /admin/graphql and /app/session as in the admin.
 *
 * axe-core goes in as an inline script, which the shell's policy refuses: the screens are driven
 * in a context that bypasses CSP, and one test loads the shell under its real policy.
 */
let browser: Browser;
let app: RunningApp;
let server: TestApp | undefined;
let context: BrowserContext;
let page: Page;
const shop = `admin-${randomUUID().slice(0, 8)}.myshopify.com`;
const query = embeddedQuery(shop);
let programKey = "";
let errors: string[] = [];

const LONG_REASON = `Goodwill for the delayed parcel, see ticket ${"#4711 and the courier's report ".repeat(8)}`.trim();
const LONG_ORDER = `gid://shopify/Order/${"9".repeat(60)}`;

async function open(path: string, heading: string) {
  await page.goto(`${app.url}${path}${query}`);
  await page.getByRole("heading", { name: heading, level: 1 }).waitFor({ timeout: 20_000 });
}

async function check(name: string) {
  await page.screenshot({ path: join(ARTIFACTS, `shopify-admin-${name}.png`), fullPage: true });
  expect(await seriousViolations(page), `axe-core on ${name}`).toEqual([]);
}

const toastText = () => page.locator(".kinship-dev-toasts").textContent();

beforeAll(async () => {
  browser = await launchChromium();
  server = await startTestApp("browser_shopify_admin");
  app = server.app;
  // A shop connected with a custom app's token (no exchange needed), USD in UTC, three members.
  expect((await app.engine.shops.connect(shop, "shpat_admin", new Date(), "USD", "UTC")).ok).toBe(true);
  const program = await app.engine.program(shop);
  if (!program.ok) throw new Error("no program");
  programKey = program.value.key;
  const people = [
    ["c-ada", "Ada", "Lovelace", 120_000],
    ["c-grace", "Grace", "Hopper", 60_000],
    ["c-alan", "Alan", "Turing", 5_000],
  ] as const;
  for (const [id, firstName, lastName, spent] of people) {
    const at = new Date(Date.now() - 3_600_000).toISOString();
    await app.engine.apply(
      shop,
      {
        type: "customer.created",
        key: `created-${id}`,
        customerId: id,
        occurredAt: at,
        email: `${firstName.toLowerCase()}@example.com`,
        firstName,
        lastName,
        tags: [],
      },
      new Date(),
    );
    await app.engine.apply(shop, paidOrder(`o-${id}`, id, spent), new Date());
  }
  await app.engine.apply(shop, { ...paidOrder(LONG_ORDER, "c-ada", 2_000) }, new Date());

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

describe("the Shopify admin in Chromium", () => {
  it("runs under the shell's own policy: App Bridge first, the bundle from this origin, no violation", async () => {
    const strict = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: "en-US" });
    await routeAppBridge(strict, shop, await sessionToken(shop, { expiresIn: 3600 }));
    const p = await strict.newPage();
    const problems: string[] = [];
    p.on("pageerror", (e) => problems.push(e.message));
    p.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    const res = await p.goto(`${app.url}/app${query}`);
    expect(res?.headers()["content-security-policy"]).toContain("script-src 'self' https://cdn.shopify.com/shopifycdn/");
    await p.getByRole("heading", { name: "Get started with Kinship", level: 1 }).waitFor({ timeout: 20_000 });
    await p.getByText(shop, { exact: true }).waitFor();
    const scripts = await p.locator("script[src]").evaluateAll((els) => els.map((e) => e.getAttribute("src")));
    expect(scripts[0]).toBe(APP_BRIDGE_URL);
    expect(scripts[1]).toMatch(/^\/app\/assets\/app-[A-Z0-9]+\.js$/);
    const bundle = await fetch(`${app.url}${scripts[1]}`);
    expect(bundle.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(problems).toEqual([]);
    await strict.close();
  });

  it("Onboarding: the checklist from the program's real state, and the shop's status", async () => {
    await open("/app", "Get started with Kinship");
    await page.getByText(shop, { exact: true }).waitFor();
    const main = page.locator("#kinship-admin");
    // The default program already has tiers above the base tier; nothing else is set up yet.
    await expect.poll(() => main.textContent()).toContain("1 of 5 done");
    const status = (await main.textContent()) ?? "";
    // Checkout's member prices could not be switched on (no Shopify here): the status says so.
    expect(status).toContain("Kinship could not switch member prices on at checkout");
    expect(status).toContain("USD");
    expect(status).toContain("Members3");
    // No read_themes grant: the embed cannot be read, so the link to the theme editor is there.
    const editor = page.getByRole("link", { name: "Open the theme editor" });
    expect(await editor.getAttribute("href")).toBe(
      `https://${shop}/admin/themes/current/editor?context=apps&activateAppId=${API_KEY}/kinship-launcher`,
    );
    await check("onboarding");
  });

  it("Settings: a bad value is a field error, the save bar saves, the basics step is then done", async () => {
    await open("/app/settings", "Settings");
    const saveBar = page.getByRole("region", { name: "Unsaved changes" });
    expect(await saveBar.isVisible()).toBe(false);
    const pending = page.getByLabel("Pending days");
    await pending.fill("1.5");
    await page.getByText("Enter days as a whole number").waitFor();
    await saveBar.waitFor();
    // Save refuses while a field is wrong: nothing is sent.
    await saveBar.getByRole("button", { name: "Save" }).click();
    await expect.poll(toastText).toContain("Fix the highlighted fields");
    const unchanged = await app.engine.program(shop);
    expect(unchanged.ok && unchanged.value.configVersion).toBe(1);

    await pending.fill("14");
    await page.getByLabel("Program name").fill("Ada's Club");
    await page.getByLabel("Time zone").selectOption("Europe/Paris");
    await check("settings");
    await saveBar.getByRole("button", { name: "Save" }).click();
    await expect.poll(toastText).toContain("Settings saved (version 2)");
    await expect.poll(() => saveBar.isVisible()).toBe(false);
    const saved = await app.engine.program(shop);
    expect(saved.ok && saved.value.config).toMatchObject({ name: "Ada's Club", pendingDays: 14, timezone: "Europe/Paris" });

    await open("/app", "Get started with Kinship");
    await expect.poll(() => page.locator("#kinship-admin").textContent()).toContain("2 of 5 done");
  });

  it("Settings: another owner's save in between is a conflict banner; reloading takes their version", async () => {
    await open("/app/settings", "Settings");
    await page.getByLabel("Program name").fill("My name");
    // Another owner saves first (a direct update, as the API would).
    const current = await app.engine.program(shop);
    if (!current.ok) throw new Error("no program");
    const updated = await app.engine.programs.updateConfig(
      programKey,
      { ...current.value.config, name: "Their name" },
      "other-owner",
      new Date(),
    );
    expect(updated.ok).toBe(true);
    await page.getByRole("region", { name: "Unsaved changes" }).getByRole("button", { name: "Save" }).click();
    await page.getByText("Someone else saved the program since you opened it").waitFor();
    const after = await app.engine.program(shop);
    expect(after.ok && after.value.config.name).toBe("Their name");
    await page.getByRole("button", { name: "Reload their version" }).click();
    await expect.poll(() => page.getByLabel("Program name").inputValue()).toBe("Their name");
  });

  it("Members: the search finds a member by email prefix; a row opens the member page", async () => {
    await open("/app/members", "Members");
    await page.getByRole("link", { name: "Ada Lovelace" }).waitFor();
    expect(await page.locator("tbody tr").count()).toBe(3);
    await check("members");
    await page.getByLabel("Search members").fill("grac");
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    expect(await page.locator("tbody tr").first().textContent()).toContain("grace@example.com");
    await page.getByRole("link", { name: "Grace Hopper" }).click();
    await page.getByRole("heading", { name: "Grace Hopper", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/app/members/c-grace");
  });

  it("member page: balances and the ledger (long text clipped, fits its card at 1440 and 1024 px); an adjustment and an override", async () => {
    await open(`/app/members/${encodeURIComponent("c-ada")}`, "Ada Lovelace");
    await page.getByRole("heading", { name: "Ledger" }).waitFor();
    // An adjustment with a long reason, through the form: the points field is checked first.
    const adjust = page.locator("form").filter({ hasText: "Adjust points" });
    await adjust.getByLabel("Points").fill("12.5");
    await adjust.getByRole("button", { name: "Record adjustment" }).click();
    await adjust.getByText("Enter a whole number of points").waitFor();
    await adjust.getByText("Say why").waitFor();
    await adjust.getByLabel("Points").fill("250");
    await adjust.getByLabel("Reason").fill(LONG_REASON);
    await adjust.getByRole("button", { name: "Record adjustment" }).click();
    await expect.poll(toastText).toContain("+250 points recorded");
    await page.locator(`[title="${LONG_REASON} by shopify-user:42"]`).waitFor();
    await page.locator(`[title="${LONG_ORDER}"]`).first().waitFor();

    for (const width of [1440, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      const fit = await page
        .locator(".Polaris-DataTable__ScrollContainer")
        .first()
        .evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
      expect(fit.scroll, `the ledger fits its card at ${width} px`).toBeLessThanOrEqual(fit.client);
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    // A tier override with a reason; the banner says it is in force.
    const override = page.locator("form").filter({ hasText: "Tier override" });
    await override.getByRole("button", { name: "Clear override" }).click();
    await override.getByText("Choose a tier to hold the member in").waitFor();
    await override.getByLabel("Tier").selectOption({ label: "Gold" });
    await override.getByRole("button", { name: "Set override" }).click();
    await override.getByText("Say why").waitFor();
    await override.getByLabel("Reason").fill("Brand ambassador");
    await override.getByRole("button", { name: "Set override" }).click();
    await expect.poll(toastText).toContain("Tier override set: Gold");
    await page.getByText("Tier override in force").waitFor();
    await check("member");
  });

  it("Activity: the audit log says what changed; a dead letter is listed and replayed after a confirmation", async () => {
    // A delivery that fails on its final attempt: a custom event whose payload does not map.
    const stored = await app.engine.inbox.receive(
      { source: "custom", programKey, deliveryKey: "poison-1", topic: "review.created", payload: "{}", meta: {} },
      new Date(),
    );
    await app.engine.deliveries.process([{ id: stored.id, attempt: 1, final: true }], ({ payload }) => mapCustom(payload), new Date());
    expect((await app.engine.inbox.row(stored.id))?.status).toBe("dead");

    await open("/app/activity", "Activity");
    await page.getByText("Program name: “Ada's Club” → “Their name”").waitFor();
    expect(await page.locator("#kinship-admin").textContent()).toContain("Pending days: 0 → 14");
    await page.getByText("poison-1").waitFor();
    await check("activity");
    await page.getByRole("button", { name: "Replay review.created poison-1" }).click();
    const dialog = page.getByRole("dialog", { name: "Replay deliveries" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Replay" }).click();
    await expect.poll(toastText).toContain("1 delivery put back in line");
    expect((await app.engine.inbox.row(stored.id))?.status).toBe("queued");
    await expect.poll(() => page.getByText("No failed deliveries.").isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it("a forged session token (wrong secret): the error Banner, no data", async () => {
    const forged = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: "en-US", bypassCSP: true });
    await routeAppBridge(forged, shop, await sessionToken(shop, { secret: "not-the-app-secret", expiresIn: 3600 }));
    const p = await forged.newPage();
    for (const [path, heading] of [
      ["/app", "Get started with Kinship"],
      ["/app/members", "Members"],
    ] as const) {
      await p.goto(`${app.url}${path}${query}`);
      await p.getByRole("heading", { name: heading, level: 1 }).waitFor({ timeout: 20_000 });
      await p.getByText("Kinship could not verify this session", { exact: true }).first().waitFor();
      const text = (await p.locator("#kinship-admin").textContent()) ?? "";
      for (const data of ["ada@example.com", "Ada Lovelace", "Their name", "USD"]) expect(text).not.toContain(data);
    }
    await p.screenshot({ path: join(ARTIFACTS, "shopify-admin-forged.png"), fullPage: true });
    expect(await seriousViolations(p)).toEqual([]);
    await forged.close();
  });
});
