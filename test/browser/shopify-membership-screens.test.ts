import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { dispatchWebhooks, verifyKinshipSignature } from "@kinship/engine";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../plugin/app/src/main.ts";
import { sessionToken } from "../../plugin/app/test/api-support.ts";
import { embeddedQuery, pageErrors, routeAppBridge, startTestApp, type TestApp } from "./shopify-admin-support.ts";
import { ARTIFACTS, launchChromium, seriousViolations } from "./support.ts";

/**
 * The Shopify admin's screens for issue 16 (paid membership plans, referrals, webhooks) in Debian's
 * Chromium against the server `npm start` runs, App Bridge answered by the server's own shim.
 */
let browser: Browser;
let app: RunningApp;
let server: TestApp | undefined;
let context: BrowserContext;
let page: Page;
const shop = `members-${randomUUID().slice(0, 8)}.myshopify.com`;
const query = embeddedQuery(shop);
let programKey = "";
let errors: string[] = [];
/** A receiver that answers 503 until `receiverUp`, then 200; it keeps what it got. */
let receiver: Server;
let receiverUrl = "";
let receiverUp = false;
const received: { topic: string; verified: (secret: string) => boolean }[] = [];

async function open(path: string, heading: string) {
  await page.goto(`${app.url}${path}${query}`);
  await page.getByRole("heading", { name: heading, level: 1 }).waitFor({ timeout: 20_000 });
}

async function check(name: string) {
  await page.screenshot({ path: join(ARTIFACTS, `shopify-${name}.png`), fullPage: true });
  expect(await seriousViolations(page), `axe-core on ${name}`).toEqual([]);
}

const toastText = () => page.locator(".kinship-dev-toasts").textContent();
const saveBar = () => page.getByRole("region", { name: "Unsaved changes" });
const card = (title: string) => page.getByRole("region", { name: title, exact: true });
const config = async () => {
  const program = await app.engine.program(shop);
  if (!program.ok) throw new Error("no program");
  return program.value;
};

beforeAll(async () => {
  browser = await launchChromium();
  server = await startTestApp("browser_shopify_membership");
  app = server.app;
  expect((await app.engine.shops.connect(shop, "shpat_members", new Date(), "USD", "UTC")).ok).toBe(true);
  programKey = (await config()).key;
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US", bypassCSP: true });
  await routeAppBridge(context, shop, await sessionToken(shop, { expiresIn: 3600 }));
  page = await context.newPage();
  errors = pageErrors(page);
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const header = (name: string) => req.headers[name] as string | undefined;
      if (receiverUp)
        received.push({
          topic: JSON.parse(body).topic,
          verified: (secret) => verifyKinshipSignature(secret, header("x-kinship-timestamp"), body, header("x-kinship-signature")),
        });
      res.statusCode = receiverUp ? 200 : 503;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/kinship`;
});
afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe("the Shopify admin's membership screens in Chromium", () => {
  it("Plans: the nav has the new screens; a plan says what it lacks field by field, and saves through the save bar", async () => {
    await open("/app/plans", "Plans");
    for (const label of ["Plans", "Referrals", "Webhooks"])
      expect(await page.locator(`ui-nav-menu a[href="/app/${label.toLowerCase()}"]`).textContent()).toBe(label);
    await page.getByRole("button", { name: "Add plan" }).click();
    const plan = card("New plan");
    await plan.getByText("Name the product, variant or selling plan that sells this plan").waitFor();
    await plan.getByLabel("Name").fill("Gold club");
    const gold = card("Gold club");
    await gold.getByLabel("Plan key").fill("Gold Club");
    await gold.getByText("Use lowercase letters, digits, - and _ (up to 64), starting with a letter or digit").waitFor();
    await gold.getByLabel("Plan key").fill("gold-club");
    await gold.getByLabel("Price").fill("99.001");
    await gold.getByText("USD amounts have at most 2 decimals").waitFor();
    await gold.getByLabel("Price").fill("99.00");
    await gold.getByLabel("Billing period").selectOption("year");
    await gold.getByLabel("Tier while paid").selectOption("gold");
    await gold.getByLabel("Grace days").fill("400");
    await gold.getByText("Enter 0 to 365 days").waitFor();
    await saveBar().getByRole("button", { name: "Save" }).click();
    await expect.poll(toastText, { timeout: 15_000 }).toContain("Fix the highlighted fields before saving");
    await gold.getByLabel("Grace days").fill("14");
    await gold.getByLabel("On refund or cancellation").selectOption("periodEnd");
    await gold.getByLabel("Free shipping counts as value").check();
    await gold.getByLabel("Product IDs").fill("gid://shopify/Product/8001");
    await check("plans");
    await saveBar().getByRole("button", { name: "Save" }).click();
    await expect.poll(toastText, { timeout: 15_000 }).toContain("Loyalty program saved (version 2)");
    expect((await config()).config.plans).toEqual([
      {
        key: "gold-club",
        name: "Gold club",
        price: 9900,
        period: "year",
        tier: "gold",
        benefits: [],
        freeShipping: true,
        graceDays: 14,
        onRefund: "periodEnd",
        reminderDays: 7,
        products: { productIds: ["gid://shopify/Product/8001"], variantIds: [], sellingPlanIds: [] },
        enabled: true,
      },
    ]);
  });

  it("Plans: taking a plan off sale against a program someone else saved meanwhile shows the conflict, then saves after reload", async () => {
    await open("/app/plans", "Plans");
    const current = await config();
    expect(
      (await app.engine.programs.updateConfig(programKey, { ...current.config, name: "Their rewards" }, "other-owner", new Date())).ok,
    ).toBe(true);
    await card("Gold club").getByLabel("On sale").uncheck();
    await saveBar().getByRole("button", { name: "Save" }).click();
    await page.getByText("Someone else saved the program since you opened it").waitFor();
    await page.getByRole("button", { name: "Reload their version" }).click();
    await card("Gold club").getByLabel("On sale").uncheck();
    await saveBar().getByRole("button", { name: "Save" }).click();
    await expect.poll(toastText, { timeout: 15_000 }).toContain("Loyalty program saved (version 4)");
    const saved = await config();
    expect(saved.config.name).toBe("Their rewards");
    expect(saved.config.plans[0]?.enabled).toBe(false);
  });

  it("Referrals: the owner turns referrals on with a 15% welcome code and 750 points, a cap of 3 a week; a bad session window is refused", async () => {
    await open("/app/referrals", "Referrals");
    const settings = card("Referral program");
    await page.getByLabel("Referrals on").check();
    await page.getByLabel("Referee gets").selectOption("percentOff");
    await page.getByLabel("Welcome percent off").fill("15");
    await page.getByLabel("Referrer earns (points)").fill("750");
    await page.getByLabel("Referrals per referrer").fill("3");
    await page.getByLabel("Cap period").selectOption("week");
    await page.getByLabel("Session days").fill("400");
    await page.getByText("Enter 1 to 365 days").waitFor();
    await saveBar().getByRole("button", { name: "Save" }).click();
    await expect.poll(toastText, { timeout: 15_000 }).toContain("Fix the highlighted fields before saving");
    await page.getByLabel("Session days").fill("60");
    await saveBar().getByRole("button", { name: "Save" }).click();
    await expect.poll(toastText, { timeout: 15_000 }).toContain("Loyalty program saved (version 5)");
    expect((await config()).config.referrals).toEqual({
      enabled: true,
      refereeReward: { kind: "percentOff", value: 15, minimumOrder: 0 },
      referrerReward: { points: 750, growth: 0 },
      cap: { count: 3, period: "week" },
      sessionDays: 60,
    });
    expect(settings).toBeDefined();
    await check("referrals");
    expect(errors).toEqual([]);
  });

  it("Campaigns and Currencies: a birthday bonus and a euro rate saved from their screens", async () => {
    await open("/app/campaigns", "Campaigns");
    await page.getByLabel("Give a birthday bonus").check();
    await card("Birthday bonus").getByLabel("Points").fill("300");
    await page.getByLabel("Tell members before their points expire").check();
    await page.getByLabel("Days before").fill("7");
    await check("campaigns");
    await saveBar().getByRole("button", { name: "Save" }).click();
    await expect.poll(toastText, { timeout: 15_000 }).toContain("Loyalty program saved (version 6)");
    expect((await config()).config.campaigns).toMatchObject({ birthday: { points: 300, growth: 0 }, expiringNotice: { days: 7 } });

    await open("/app/currencies", "Currencies");
    await page.getByRole("button", { name: "Add currency" }).click();
    await page.getByLabel("Currency", { exact: true }).fill("eur");
    await page.getByLabel("Rate").fill("1.0a");
    await page.getByText("Enter a decimal such as 0.92").waitFor();
    await page.getByLabel("Rate").fill("1.08");
    await check("currencies");
    await saveBar().getByRole("button", { name: "Save" }).click();
    await expect.poll(toastText, { timeout: 15_000 }).toContain("Loyalty program saved (version 7)");
    expect((await config()).config.currencies).toEqual({ EUR: { rate: "1.08", memberPrices: true } });
  });

  it("Webhooks: an endpoint is added (secret shown once), its dead deliveries replayed after the receiver recovers; disable, rotate and delete", async () => {
    await open("/app/webhooks", "Webhooks");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByText("Choose at least one event").waitFor();
    await page.getByText("Enter the URL that receives the events").waitFor();
    await page.getByLabel("Endpoint URL").fill("http://hooks.example.com/in");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByText("Use https (http only for localhost)").waitFor();
    await page.getByLabel("Endpoint URL").fill(receiverUrl);
    await page.getByLabel("Points earned").check();
    await page.getByLabel("Tier changed").check();
    await page.getByLabel("Description").fill("Email flows");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = page.locator("[data-secret]");
    await secret.waitFor({ timeout: 15_000 });
    const first = (await secret.textContent()) ?? "";
    expect(first.length).toBeGreaterThan(20);
    const endpoint = page.locator("li[data-endpoint]");
    await expect.poll(() => endpoint.count(), { timeout: 15_000 }).toBe(1);
    expect(await endpoint.textContent()).toContain("Points earned, Tier changed");
    await check("webhooks");

    // A member earns: the receiver answers 503 and a single attempt is allowed, so the deliveries die.
    const now = new Date();
    const earned = await app.engine.apply(
      shop,
      { type: "adjust", key: "hook-1", customerId: "dora", points: 100, growth: 600, reason: "welcome", actor: "setup" },
      now,
    );
    expect(earned.ok).toBe(true);
    await dispatchWebhooks(app.engine, shop, () => new Date(), { maxAttempts: 1 });
    await page.getByLabel("Status").selectOption("DEAD");
    const rows = page.getByRole("table", { name: "Deliveries" }).locator("tbody tr");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const dead = await rows.count();
    expect(await rows.first().textContent()).toContain("HTTP 503");
    for (let i = 0; i < dead; i++) await rows.nth(i).getByRole("checkbox").check();
    await check("webhooks-dead-letters");
    await page.getByRole("button", { name: `Replay selected (${dead})` }).click();
    const dialog = page.getByRole("dialog", { name: "Replay dead letters" });
    await dialog.getByRole("button", { name: "Replay" }).click();
    await expect.poll(toastText, { timeout: 15_000 }).toMatch(/put back in line/);
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(0);

    receiverUp = true;
    await dispatchWebhooks(app.engine, shop, () => new Date(), { maxAttempts: 1 });
    expect(received.length).toBe(dead);
    expect(received.every((r) => r.verified(first))).toBe(true);
    await page.getByLabel("Status").selectOption("DELIVERED");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(dead);

    await endpoint.getByRole("button", { name: /^Disable / }).click();
    await endpoint.getByRole("button", { name: /^Enable / }).waitFor({ timeout: 15_000 });
    await endpoint.getByRole("button", { name: /^Rotate secret of/ }).click();
    await page.getByRole("dialog", { name: "Rotate signing secret" }).getByRole("button", { name: "Rotate" }).click();
    await expect.poll(() => secret.textContent(), { timeout: 15_000 }).not.toBe(first);
    await endpoint.getByRole("button", { name: /^Delete / }).click();
    await page.getByRole("dialog", { name: "Delete endpoint" }).getByRole("button", { name: "Delete" }).click();
    await page.getByText("No endpoints yet").waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
  });
});
