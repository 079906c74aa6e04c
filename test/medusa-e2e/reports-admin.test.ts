import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ARTIFACTS, launchChromium, seriousViolations } from "../browser/support.ts";
import { signedInAdmin } from "./support/admin.ts";
import { adminApi, outcomeOf } from "./support/kinship.ts";
import { movingInAdminTests } from "./support/moving-in-admin.ts";
import { cartFor, checkout, type Shopper, signUp } from "./support/shopper.ts";
import { openTestStore, type TestStore } from "./support/store.ts";

/**
 * Loyalty → Finance and Loyalty → Insight in the real Medusa admin (Chromium), one store: two
 * shoppers' orders, the figures on screen checked against the engine's own (the admin API and the
 * members' balances), the segments recomputed from the page, the member's segment on the customer
 * page; axe-core clean, screenshots in ARTIFACTS. Loyalty → Import members on the same store.
 */
describe("Finance, Insight and Import members in the Medusa admin", () => {
  let store: TestStore;

  beforeAll(async () => {
    const base = new URL(inject("databaseUrl"));
    base.pathname = "/postgres";
    store = await openTestStore(base.toString(), "reports", { admin: true });
  }, 600_000);
  afterAll(async () => {
    await store?.stop();
  });

  async function buys(email: string, quantity: number): Promise<Shopper> {
    const shopper = await signUp(store.url, store.seed, email);
    expect(await outcomeOf(store, `customer.created:${shopper.customerId}`)).toBe("applied");
    const tee = store.seed.products[0] as { variantId: string };
    const cart = await cartFor(store.url, store.seed, shopper, [{ variantId: tee.variantId, quantity }], {
      regionId: store.seed.regionId,
      country: "us",
    });
    const order = await checkout(store.url, store.seed, shopper, cart);
    expect(await outcomeOf(store, `order.placed:${order.id}`)).toBe("applied");
    return shopper;
  }

  it("the month's roll-forward, liability and chart; refreshed segments, the 20/80 share and a segment's members; the member's segment on the customer page", async () => {
    const admin = adminApi(store);
    const ann = await buys("ann@example.com", 3);
    const bea = await buys("bea@example.com", 1);
    const points = async (customerId: string) => {
      const { data } = await admin("query M($c: ID!) { member(customerId: $c) { points { available pending } } }", { c: customerId });
      return data.member.points.available + data.member.points.pending;
    };
    const held = (await points(ann.customerId)) + (await points(bea.customerId));
    expect(held).toBeGreaterThan(0);
    const { data: program } = await admin("{ program { config } }");
    const timezone = program.program.config.timezone as string;
    // The month the page opens on: the current one in the program's zone, as the engine reports it.
    const month = new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit" })
      .format(new Date())
      .slice(0, 7);
    const { data: finance } = await admin("query F($m: String!) { financeReport(month: $m) { total { issued closing } reconciled } }", {
      m: month,
    });
    expect(finance.financeReport).toEqual({ total: { issued: String(held), closing: String(held) }, reconciled: true });

    const browser = await launchChromium();
    try {
      const page = await signedInAdmin(browser, store.url);
      const main = page.getByRole("main");
      const rows = (table: string | RegExp) =>
        main
          .getByRole("table", { name: table })
          .locator("tbody tr")
          .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim())));
      const grouped = (n: number) => new Intl.NumberFormat("en-US").format(n);

      await page.goto(`${store.url}/app/loyalty/finance`, { timeout: 240_000 });
      const rollForward = main.getByRole("table", { name: /^Points roll-forward by day, / });
      await rollForward.waitFor({ timeout: 120_000 });
      const days = await rows(/^Points roll-forward by day, /);
      const total = days.at(-1) ?? [];
      expect(total).toEqual(["Month total", expect.any(String), grouped(held), "0", "0", "0", "0", "0", expect.any(String)]);
      const opening = Number((total[1] ?? "").replace(/,/g, ""));
      expect(total[8]).toBe(grouped(opening + held));
      // What is held now is the month's closing (the current month runs to now).
      expect((await rows("Points liability per currency"))[0]?.slice(0, 2)).toEqual(["USD", total[8]]);
      expect(await main.locator("[data-reconciled]").textContent()).toBe("Reconciled to the ledger.");
      expect(await main.locator("figure figcaption strong").allTextContents()).toEqual(["Points per day"]);
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-loyalty-finance.png`, fullPage: true });
      expect(await seriousViolations(page, "main"), "axe-core: serious or critical violations (finance)").toEqual([]);

      await page.goto(`${store.url}/app/loyalty/insight`, { timeout: 240_000 });
      await main.getByRole("button", { name: "Refresh segments" }).click({ timeout: 120_000 });
      await main.getByText(/^Segments computed /).waitFor({ timeout: 60_000 });
      const segments = await rows("Members and sales per segment");
      expect(segments.map((r) => r[0])).toEqual(["Champions", "Loyal", "New", "Regular", "At risk", "Lapsed"]);
      expect(segments.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(2);
      // Ann's three tees against Bea's one: the top fifth of two members is Ann, three quarters of the sales.
      expect(await main.locator("[data-top-share]").textContent()).toMatch(
        /^Top 20% of members: 75% of members' sales1 of 2 members with sales bought /,
      );
      const list = main.getByRole("table", { name: /^Members in / });
      await list.waitFor({ timeout: 60_000 });
      expect((await rows(/^Members in /)).map((r) => r[0]).sort()).toEqual([ann.customerId, bea.customerId].sort());
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-loyalty-insight.png`, fullPage: true });
      expect(await seriousViolations(page, "main"), "axe-core: serious or critical violations (insight)").toEqual([]);

      await list.getByRole("link", { name: ann.customerId }).click();
      const segment = main.locator("[data-member-segment]");
      await segment.waitFor({ timeout: 60_000 });
      expect(await segment.textContent()).toMatch(/^Segment.+R \d · F \d · M \d.*1 order, /);
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-loyalty-member-segment.png`, fullPage: true });
      expect(await seriousViolations(page, "main"), "axe-core: serious or critical violations (member segment)").toEqual([]);
    } finally {
      await browser.close();
    }
  }, 900_000);

  movingInAdminTests(() => store);
});
