import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../plugin/app/src/main.ts";
import { sessionToken } from "../../plugin/app/test/api-support.ts";
import { order } from "../../plugin/engine/test/support/events.ts";
import { embeddedQuery, pageErrors, routeAppBridge, startTestApp, type TestApp } from "./shopify-admin-support.ts";
import { ARTIFACTS, launchChromium, seriousViolations } from "./support.ts";

/**
 * The Shopify admin's referral review queue and the member page's membership, badges and referrals,
 * in Debian's Chromium against the server `npm start` runs, with referrals made by real order events.
 */
let browser: Browser;
let app: RunningApp;
let server: TestApp | undefined;
let context: BrowserContext;
let page: Page;
const shop = `review-${randomUUID().slice(0, 8)}.myshopify.com`;
const query = embeddedQuery(shop);
let errors: string[] = [];

async function open(path: string, heading: string) {
  await page.goto(`${app.url}${path}${query}`);
  await page.getByRole("heading", { name: heading, level: 1 }).waitFor({ timeout: 20_000 });
}

async function check(name: string) {
  await page.screenshot({ path: join(ARTIFACTS, `shopify-${name}.png`), fullPage: true });
  expect(await seriousViolations(page), `axe-core on ${name}`).toEqual([]);
}

const toastText = () => page.locator(".kinship-dev-toasts").textContent();
const config = async () => {
  const program = await app.engine.program(shop);
  if (!program.ok) throw new Error("no program");
  return program.value;
};

beforeAll(async () => {
  browser = await launchChromium();
  server = await startTestApp("browser_shopify_review");
  app = server.app;
  expect((await app.engine.shops.connect(shop, "shpat_review", new Date(), "USD", "UTC")).ok).toBe(true);
  const program = await config();
  const referrals = {
    enabled: true,
    refereeReward: { kind: "amountOff", value: 1000, minimumOrder: 0 },
    referrerReward: { points: 500, growth: 0 },
    cap: { count: 10, period: "month" },
    sessionDays: 30,
  };
  expect((await app.engine.programs.updateConfig(program.key, { ...program.config, referrals }, "setup", new Date())).ok).toBe(true);
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

describe("the Shopify admin's referral review in Chromium", () => {
  it("Referrals: the review queue shows a flagged referral first with its signal and detail; approving with a note updates the row", async () => {
    const now = new Date();
    const at = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    const must = async (r: Promise<{ ok: boolean; error?: { message: string } }>) => {
      const x = await r;
      if (!x.ok) throw new Error(x.error?.message);
    };
    await must(
      app.engine.apply(shop, { type: "customer.created", customerId: "ada", occurredAt: at(20), email: "ada.lovelace@gmail.com" }, now),
    );
    const program = await config();
    const code = await app.engine.referrals.codeOf(program.id, "ada", now);
    if (!code) throw new Error("ada has no referral code");
    const contact = (email: string) => ({
      email,
      shippingAddress: { line1: `${email.length} Market St`, city: "San Francisco", postalCode: "94105", country: "US" },
    });
    // bob's email is ada's with dots and a + alias: same_email; cy is clean.
    await must(
      app.engine.apply(
        shop,
        order("o-bob", "bob", at(2), [{ price: 5000 }], { contact: contact("a.da.lovelace+x@gmail.com"), referral: { code } }),
        now,
      ),
    );
    await must(
      app.engine.apply(
        shop,
        order("o-cy", "cy", at(1), [{ price: 5000 }], { contact: contact("cy@example.com"), referral: { code } }),
        now,
      ),
    );

    await open("/app/referrals", "Referrals");
    const queue = page.getByRole("list", { name: "Referrals" });
    const flagged = queue.locator("li[data-status=FLAGGED]");
    await expect.poll(() => flagged.count(), { timeout: 15_000 }).toBe(1);
    expect(await flagged.locator("[data-signal=same_email]").textContent()).toMatch(/^Same email as the referrer: .+/);
    await page.getByLabel("Show").selectOption("ALL");
    await expect.poll(() => queue.locator("li[data-referral]").count(), { timeout: 15_000 }).toBe(2);
    expect(await queue.locator("li[data-referral]").first().getAttribute("data-status")).toBe("FLAGGED");
    await check("referrals-review");

    const row = queue.locator("li[data-status=FLAGGED]");
    await row.getByLabel("Note").fill("her sister, same household");
    await row.getByRole("button", { name: /^Approve referral/ }).click();
    await expect.poll(toastText, { timeout: 15_000 }).toContain("Referral approved");
    const decided = queue.locator("li[data-referral]").filter({ hasText: "her sister, same household" });
    await expect.poll(() => decided.getAttribute("data-status"), { timeout: 15_000 }).toMatch(/^(APPROVED|PAID)$/);
    expect(await decided.textContent()).toContain("her sister, same household");
    expect(await decided.getByRole("button", { name: /^Approve/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
  it("the member page: ada's referral code and her referrals; no paid plan; tier earned", async () => {
    await page.goto(`${app.url}/app/members/ada${query}`);
    await page.getByRole("heading", { name: "Referrals" }).waitFor({ timeout: 20_000 });
    const code = page.locator("[data-referral-code]");
    await expect.poll(() => code.textContent(), { timeout: 15_000 }).not.toBe("none");
    expect(await page.locator("[data-membership]").textContent()).toContain("No paid plan.");
    expect(await page.locator("[data-tier-source]").getAttribute("data-tier-source")).toBe("EARNED");
    await check("member-extras");
    expect(errors).toEqual([]);
  });
});
