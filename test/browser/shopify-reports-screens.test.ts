import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../plugin/app/src/main.ts";
import { sessionToken } from "../../plugin/app/test/api-support.ts";
import { benefits } from "../support/program-fixture.ts";
import { embeddedQuery, pageErrors, routeAppBridge, startTestApp, type TestApp } from "./shopify-admin-support.ts";
import { ARTIFACTS, launchChromium, seriousViolations } from "./support.ts";

/**
 * The Shopify admin's Finance and Insight screens (issue 17) in Debian's Chromium against the server
 * `npm start` runs: three members' orders in May 2026, the month picked on the Finance screen, the
 * segments recomputed from the Insight screen, axe-core clean, screenshots in ARTIFACTS.
 */
let browser: Browser;
let app: RunningApp;
let server: TestApp | undefined;
let context: BrowserContext;
let page: Page;
const shop = `reports-${randomUUID().slice(0, 8)}.myshopify.com`;
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

const cells = (table: string) =>
  page
    .getByRole("table", { name: table, exact: true })
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim())));

function order(orderId: string, customerId: string, at: string, price: number, memberSaving = 0) {
  return {
    type: "order.paid",
    orderId,
    customerId,
    occurredAt: at,
    currency: "USD",
    lines: [{ lineId: `${orderId}-1`, quantity: 1, unitPrice: price, discount: 0, memberSaving }],
    shipping: 0,
    tax: 0,
  };
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await startTestApp("browser_shopify_reports");
  app = server.app;
  expect((await app.engine.shops.connect(shop, "shpat_reports", new Date(), "USD", "UTC")).ok).toBe(true);
  const program = await app.engine.program(shop);
  if (!program.ok) throw new Error("no program");
  const saved = await app.engine.programs.updateConfig(
    program.value.key,
    { ...program.value.config, benefits: [{ ...benefits.membersFivePercent, costEstimate: 200 }] },
    "setup",
    new Date(),
  );
  expect(saved.ok).toBe(true);
  for (const event of [
    order("o-ada", "ada", "2026-05-10T10:00:00Z", 250000),
    order("o-bob", "bob", "2026-05-11T10:00:00Z", 60000),
    order("o-cy", "cy", "2026-05-12T10:00:00Z", 10000),
    order("o-ada-2", "ada", "2026-05-20T10:00:00Z", 10000, 500),
  ]) {
    const applied = await app.engine.apply(program.value.key, event, new Date());
    if (!applied.ok) throw new Error(applied.error.message);
  }
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

describe("the Shopify admin's Finance and Insight screens in Chromium", () => {
  it("Finance: in the nav; May's roll-forward by day and total, liability, benefit costs, the daily chart; CSV downloads", async () => {
    await open("/app/finance", "Finance");
    for (const [href, label] of [
      ["/app/finance", "Finance"],
      ["/app/insight", "Insight"],
    ])
      expect(await page.locator(`ui-nav-menu a[href="${href}"]`).textContent()).toBe(label);
    await page.getByLabel("Month", { exact: true }).fill("2026-05");
    await page.getByRole("table", { name: "Points roll-forward by day, May 2026" }).waitFor();
    const days = await cells("Points roll-forward by day, May 2026");
    expect(days).toHaveLength(32);
    expect(days.at(-1)).toEqual(["Month total", "0", "3,300", "0", "0", "0", "0", "0", "3,300"]);
    expect(days[9]).toEqual(["2026-05-10", "0", "2,500", "0", "0", "0", "0", "0", "2,500"]);
    expect(await cells("Points liability per currency")).toEqual([["USD", "3,300", "$33.00", "$0.00", "$33.00"]]);
    expect(await cells("Benefit costs against members' orders")).toEqual([
      ["Members save 5%", "Member price", "1", "$2.00", "$5.00", "1", "2", "$2,600.00"],
    ]);
    expect(await page.locator("[data-reconciled]").textContent()).toBe("Reconciled to the ledger");
    expect(await page.locator("figure svg.recharts-surface").count()).toBe(1);
    await check("finance");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV of the roll-forward" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("kinship-roll-forward-2026-05.csv");
    const { readFile } = await import("node:fs/promises");
    const csv = await readFile((await file.path()) as string, "utf8");
    expect(csv.split("\r\n").at(-2)).toBe("2026-05 total,0,3300,0,0,0,0,0,3300,0.00,33.00,0.00,0.00,0.00,0.00,0.00,33.00,yes");
  });

  it("Insight: refresh computes the segments; the 20/80 share, the charts, segment × tier, and a segment's members open their page", async () => {
    await open("/app/insight", "Insight");
    await page.getByText("Segments not computed yet").waitFor();
    await page.getByRole("button", { name: "Refresh segments" }).click();
    await page.getByText(/^Segments computed /).waitFor();
    const segments = await cells("Members and sales per segment");
    expect(segments.map((r) => r[0])).toEqual(["Champions", "Loyal", "New", "Regular", "At risk", "Lapsed"]);
    expect(segments.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(3);
    expect(await page.locator("[data-top-share]").textContent()).toBe(
      "Top 20% of members78.8% of members' sales1 of 3 members with sales bought $2,600.00 of $3,300.00.",
    );
    expect(await page.locator("figure figcaption strong").allTextContents()).toEqual(["Members and non-members", "Tier migration"]);
    expect((await cells("Members per tier and segment")).map((r) => r[0])).toEqual(["Member", "Silver", "Gold"]);
    const list = page.getByRole("table", { name: /^Members in / });
    await list.waitFor();
    await check("insight");
    const first = list.locator("tbody a").first();
    const customer = await first.textContent();
    await first.click();
    await page
      .getByRole("heading", { level: 1 })
      .filter({ hasText: customer ?? "" })
      .waitFor({ timeout: 20_000 });
    const segmentCard = page.getByRole("region", { name: "Segment" });
    await segmentCard.waitFor();
    expect(await segmentCard.textContent()).toMatch(/R \d · F \d · M \d/);
    await check("member-segment");
    expect(errors).toEqual([]);
  });
});
