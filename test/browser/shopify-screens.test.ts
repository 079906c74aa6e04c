import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { mapCustom, mapShopify, sourceMapper } from "@kinship/webhooks";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../plugin/app/src/main.ts";
import { sessionToken } from "../../plugin/app/test/api-support.ts";
import { deliver, fixture } from "../../plugin/app/test/support.ts";
import { embeddedQuery, pageErrors, routeAppBridge, startTestApp, type TestApp } from "./shopify-admin-support.ts";
import { ARTIFACTS, launchChromium, seriousViolations } from "./support.ts";

/**
 * The Shopify admin's program screens (Tiers, Earn rules, Rewards, Member prices, Partners,
 * Dashboard) in Debian's Chromium against the server `npm start` runs, App Bridge answered by the
 * server's own shim with a session token signed with the test app's secret. The main flow:
 * an owner creates a tier and an earn rule through these screens, a signed orders/paid webhook
 * earns by them, and the member page shows it.
 */
let browser: Browser;
let app: RunningApp;
let server: TestApp | undefined;
let context: BrowserContext;
let page: Page;
const shop = `screens-${randomUUID().slice(0, 8)}.myshopify.com`;
const query = embeddedQuery(shop);
let programKey = "";
let errors: string[] = [];
const LONG_PARTNER = `The Corner Café and Bakery of ${"the Very Long Street Name ".repeat(6)}`.trim();

async function open(path: string, heading: string) {
  await page.goto(`${app.url}${path}${query}`);
  await page.getByRole("heading", { name: heading, level: 1 }).waitFor({ timeout: 20_000 });
}

async function check(name: string) {
  await page.screenshot({ path: join(ARTIFACTS, `shopify-screens-${name}.png`), fullPage: true });
  expect(await seriousViolations(page), `axe-core on ${name}`).toEqual([]);
}

const toastText = () => page.locator(".kinship-dev-toasts").textContent();
const saveBar = () => page.getByRole("region", { name: "Unsaved changes" });
const card = (title: string) => page.getByRole("region", { name: title, exact: true });

/** Every table on the page fits the card it is in (no horizontal overflow) at 1440 and 1024 px. */
async function tablesFit(what: string) {
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.locator("table").evaluateAll((tables) =>
      tables.map((t) => {
        const box = (t.closest("section") ?? t.parentElement) as HTMLElement;
        return {
          table: t.getBoundingClientRect().right,
          card: box.getBoundingClientRect().right,
          scroll: box.scrollWidth - box.clientWidth,
        };
      }),
    );
    expect(overflow.length, `${what} has a table`).toBeGreaterThan(0);
    for (const o of overflow) {
      expect(o.table, `${what}: the table ends inside its card at ${width} px`).toBeLessThanOrEqual(o.card + 0.5);
      expect(o.scroll, `${what}: nothing scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await startTestApp("browser_shopify_screens");
  app = server.app;
  expect((await app.engine.shops.connect(shop, "shpat_screens", new Date(), "USD", "UTC")).ok).toBe(true);
  const program = await app.engine.program(shop);
  if (!program.ok) throw new Error("no program");
  programKey = program.value.key;
  // Two members before any order: Gold by 6,000 growth, Silver by 600 (for the tier preview).
  for (const [customerId, growth] of [
    ["c-gold", 6000],
    ["c-silver", 600],
  ] as const) {
    const applied = await app.engine.apply(
      shop,
      { type: "adjust", key: `seed-${customerId}`, customerId, points: 0, growth, reason: "seed", actor: "setup" },
      new Date(),
    );
    if (!applied.ok) throw new Error(applied.error.message);
  }

  // bypassCSP: axe-core goes in as an inline script, which the shell's policy refuses (the shell's own test checks the policy).
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US", bypassCSP: true });
  const token = await sessionToken(shop, { expiresIn: 3600 });
  await routeAppBridge(context, shop, token);
  page = await context.newPage();
  errors = pageErrors(page);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe("the Shopify admin's program screens in Chromium", () => {
  it("Tiers: an owner adds Platinum at 5,000 growth, sees the preview before saving, and saves with the save bar", async () => {
    await open("/app/tiers", "Tiers");
    await page.getByRole("button", { name: "Add tier" }).click();
    await card("New tier").getByLabel("Name").fill("Platinum");
    const platinum = card("Platinum");
    await platinum.getByLabel("Key").fill("platinum");
    await platinum.getByLabel("Growth threshold").fill("abc");
    await platinum.getByText("Enter a whole number, like 500").waitFor();
    await saveBar().getByRole("button", { name: "Save" }).click();
    await expect.poll(toastText).toContain("Fix the highlighted fields before saving");
    await platinum.getByLabel("Growth threshold").fill("5000");
    await page.getByText("1 member would move up, 0 down.").waitFor();
    const preview = page.locator("[data-preview]");
    expect(await preview.textContent()).toContain("Gold: 1 → 0");
    expect(await preview.textContent()).toContain("Platinum: 0 → 1");
    await check("tiers");
    await saveBar().getByRole("button", { name: "Save" }).click();
    await expect.poll(toastText).toContain("Loyalty program saved (version 2)");
    const saved = await app.engine.program(shop);
    expect(saved.ok && saved.value.config.tiers.at(-1)).toMatchObject({ key: "platinum", name: "Platinum", threshold: 5000 });
  });

  it("Earn rules: an owner builds a rule with the visual condition, tries it on an order, and saves it", async () => {
    await open("/app/earn-rules", "Earn rules");
    await page.getByRole("button", { name: "Add earn rule" }).click();
    await card("New rule").getByLabel("Name").fill("Platinum sprint");
    const rule = card("Platinum sprint");
    await rule.getByLabel("Rule ID").fill("platinum-sprint");
    await rule.getByLabel("Points reward").selectOption("fixed");
    await rule.getByLabel("Points awarded").fill("500");
    await rule.getByLabel("Growth reward").selectOption("fixed");
    await rule.getByLabel("Growth awarded").fill("5000");
    await rule.getByRole("button", { name: "Add condition to all conditions" }).click();
    await rule.getByLabel("Value of condition 1").fill("100.00");

    const trial = rule.locator("[data-try-rule]");
    await trial.getByLabel("Subtotal").fill("80.00");
    await trial.getByRole("button", { name: "Try the rule" }).click();
    await expect.poll(() => trial.locator("[data-trial-total]").textContent()).toBe("0 points · 0 growth");
    expect(await trial.locator("[data-step=condition]").getAttribute("data-passed")).toBe("false");
    await trial.getByLabel("Subtotal").fill("380.97");
    await trial.getByRole("button", { name: "Try the rule" }).click();
    await expect.poll(() => trial.locator("[data-trial-total]").textContent()).toBe("500 points · 5,000 growth");
    expect(await trial.locator("[data-step=condition]").getAttribute("data-passed")).toBe("true");
    await check("earn-rules");

    await saveBar().getByRole("button", { name: "Save" }).click();
    await expect.poll(toastText).toContain("Loyalty program saved (version 3)");
    const saved = await app.engine.program(shop);
    expect(saved.ok && saved.value.config.rules.find((r) => r.id === "platinum-sprint")).toMatchObject({
      reward: { points: { fixed: 500 }, growth: { fixed: 5000 } },
      condition: { ">=": [{ var: "event.subtotal" }, 10000] },
    });
  });

  it("a signed orders/paid webhook earns by the new rule and tier; the member page shows Platinum and the points", async () => {
    // Paid yesterday, so its growth counts in today's qualification window.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const body = fixture("orders-paid-customer.json").replaceAll("2024-03-14", yesterday);
    const delivered = await deliver(app.url, shop, "orders/paid", body);
    expect(delivered.status).toBe(200);
    const inboxId = delivered.body.inboxId as number;
    const [result] = await app.engine.deliveries.process(
      [{ id: inboxId, attempt: 1, final: true }],
      sourceMapper({ mapShopify, mapCustom }),
      new Date(),
    );
    expect(result?.outcome, JSON.stringify(result)).toBe("applied");
    const mapped = mapShopify("orders/paid", body);
    const customerId = String((mapped as { event?: { customerId?: unknown } }).event?.customerId ?? "115310627314723954");

    await page.goto(`${app.url}/app/members/${encodeURIComponent(customerId)}${query}`);
    await page.getByRole("heading", { name: "Ledger" }).waitFor({ timeout: 20_000 });
    const main = page.locator("#kinship-admin");
    await expect.poll(() => main.textContent()).toContain("Platinum");
    // 380 points from the default rule (1 per dollar) and 500 from Platinum sprint.
    expect(await main.textContent()).toContain("880");
  });

  it("Rewards and Member prices: screens with their fields, no serious axe violation", async () => {
    await open("/app/rewards", "Rewards");
    await page.getByRole("button", { name: "Add reward" }).click();
    await card("New reward").getByLabel("Cost in points").fill("-3");
    await card("New reward").getByText("Enter a whole number, like 500").waitFor();
    await check("rewards");
    await saveBar().getByRole("button", { name: "Discard" }).click();

    await open("/app/member-prices", "Member prices");
    await page.getByRole("button", { name: "Add member price" }).click();
    await card("New member price").getByLabel("Applies to").selectOption("productIds");
    await check("member-prices");
    await saveBar().getByRole("button", { name: "Discard" }).click();
  });

  it("Partners: codes imported with counts, stock, and a settlement table that fits its card", async () => {
    const current = await app.engine.program(shop);
    if (!current.ok) throw new Error("no program");
    const partner = { key: "cafe", name: LONG_PARTNER, perk: "A free coffee", settlementPrice: 150, enabled: true };
    expect(
      (await app.engine.programs.updateConfig(programKey, { ...current.value.config, partners: [partner] }, "setup", new Date())).ok,
    ).toBe(true);
    await open("/app/partners", "Partners");
    const pool = card(LONG_PARTNER);
    await pool.getByLabel("Perk codes, one per line").fill("C1\nC2\nC3");
    await pool.getByRole("button", { name: "Import codes" }).click();
    await pool.getByText("Added 3 codes; 0 were already there.").waitFor();
    await expect.poll(() => pool.locator("[data-stock]").textContent()).toBe("3 of 3 codes left");
    await page.getByRole("table", { name: /^Partner settlement/ }).waitFor();
    expect(await page.locator(`[title="${LONG_PARTNER}"]`).count()).toBe(1);
    await tablesFit("the settlement");
    await check("partners");
  });

  it("Dashboard: the engine's tiles, the charts in cards, the weeks selector", async () => {
    await open("/app", "Get started with Kinship");
    await open("/app/dashboard", "Dashboard");
    const members = page
      .locator("dl")
      .filter({ hasText: /^Members/ })
      .first();
    await expect.poll(() => members.locator("dd").textContent()).toContain("3");
    for (const title of ["Members by tier", "Points per week", "Members and non-members"])
      await page.getByRole("figure", { name: title }).waitFor();
    await page.getByLabel("Period").selectOption("4");
    await page.getByRole("heading", { name: "Top rewards" }).waitFor();
    await check("dashboard");
    expect(errors).toEqual([]);
  });
});
