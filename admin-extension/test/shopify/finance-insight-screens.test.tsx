// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { FinanceScreen } from "../../shopify/screens/finance.tsx";
import { byLabel, byRole, click, rowsOf, type } from "../support/dom.ts";
import { engineForFile } from "../support/engine.ts";
import { renderScreen } from "../support/polaris.tsx";
import { until } from "../support/render.tsx";
import { reportsConfig, seedMay } from "../support/reports.ts";
import { openShop } from "../support/shop.ts";

const files = engineForFile();

afterEach(() => vi.restoreAllMocks());

/** The rows of days that moved, and the total. */
const moving = (rows: string[][]) => rows.filter((r) => r.slice(2, 8).some((x) => x !== "0") || r[0] === "Month total");

describe("<FinanceScreen> (Shopify admin)", () => {
  it("shows the picked month's roll-forward by day with its total, the liability with breakage, benefit costs, the chart, and downloads the CSV", async () => {
    const shop = await openShop(files.engine, { config: reportsConfig() });
    await seedMay(shop);
    const { container: c } = await renderScreen(<FinanceScreen initialMonth="2026-04" />, shop.client);
    await until(() => expect(byRole(c, "table", "Points roll-forward by day, April 2026")).toBeTruthy());
    await type(byLabel(c, "Month"), "2026-05");
    await until(() => expect(byRole(c, "table", "Points roll-forward by day, May 2026")).toBeTruthy());
    expect(shop.of("KinshipAdminFinanceReport").map((r) => r.variables)).toEqual([{ month: "2026-04" }, { month: "2026-05" }]);

    const days = rowsOf(byRole(c, "table", "Points roll-forward by day, May 2026"));
    expect(days).toHaveLength(32);
    expect(moving(days)).toEqual([
      ["2026-05-10", "0", "2,500", "0", "0", "0", "0", "0", "2,500"],
      ["2026-05-11", "2,500", "600", "0", "0", "0", "0", "0", "3,100"],
      ["2026-05-12", "3,100", "100", "0", "0", "0", "0", "0", "3,200"],
      ["2026-05-15", "3,200", "0", "0", "0", "100", "0", "0", "3,100"],
      ["2026-05-20", "3,100", "100", "0", "0", "0", "0", "0", "3,200"],
      ["Month total", "0", "3,300", "0", "0", "100", "0", "0", "3,200"],
    ]);
    expect(c.querySelector("[data-reconciled]")?.textContent).toBe("Reconciled to the ledger");
    expect(c.textContent).toContain(
      "In USD at 100 points = $1.00: opening $0.00, issued $33.00, redeemed $0.00, expired $0.00, closing $32.00.",
    );

    // 3,200 points at 100 points a dollar; nothing expired or redeemed in the year before, so no breakage expected.
    expect(rowsOf(byRole(c, "table", "Points liability per currency"))).toEqual([["USD", "3,200", "$32.00", "$0.00", "$32.00"]]);
    expect(c.querySelector("[data-breakage]")?.textContent).toMatch(
      /^Breakage rate 0%0 points expired and 0 redeemed from .*Method: rate = points expired ÷/,
    );

    // Ada used the member price once (on the 20th: 5.00 saved); her two May orders come to 2,600.00.
    expect(rowsOf(byRole(c, "table", "Benefit costs against members' orders"))).toEqual([
      ["Members save 5%", "Member price", "1", "$2.00", "$5.00", "1", "2", "$2,600.00"],
    ]);
    const chart = [...c.querySelectorAll("figure")].find((f) => f.querySelector("figcaption strong")?.textContent === "Points per day");
    expect(chart?.querySelector("figcaption span")?.textContent).toBe("Over 31 days: 3,300 issued, 0 redeemed, 0 expired.");

    const blobs: Blob[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((b) => {
      blobs.push(b as Blob);
      return "blob:test";
    });
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe("kinship-roll-forward-2026-05.csv");
    });
    await click(byRole(c, "button", "Download the roll-forward as CSV"));
    expect(blobs).toHaveLength(1);
    const lines = (await blobs[0]?.text())?.split("\r\n") ?? [];
    expect(lines[0]).toBe(
      "period,opening_points,issued_points,redeemed_points,expired_points,reversed_points,adjusted_points,other_points,closing_points," +
        "opening_usd,issued_usd,redeemed_usd,expired_usd,reversed_usd,adjusted_usd,other_usd,closing_usd,reconciled",
    );
    expect(lines[10]).toBe("2026-05-10,0,2500,0,0,0,0,0,2500,0.00,25.00,0.00,0.00,0.00,0.00,0.00,25.00,yes");
    expect(lines[32]).toBe("2026-05 total,0,3300,0,0,100,0,0,3200,0.00,33.00,0.00,0.00,1.00,0.00,0.00,32.00,yes");
    expect(lines).toHaveLength(34);
  });

  it("a month not started yet is the engine's refusal, in a banner", async () => {
    const shop = await openShop(files.engine, { config: reportsConfig() });
    const { container: c } = await renderScreen(<FinanceScreen initialMonth="2027-01" />, shop.client);
    await until(() => expect(c.querySelector("[role=alert]")?.textContent).toMatch(/^Could not load the finance report\./));
    expect(c.querySelector("[role=alert]")?.textContent).toContain("month 2027-01 has not started yet");
    expect(c.querySelector("[role=alert]")?.getAttribute("data-code")).toBe("InvalidMonth");
    expect(byRole(c, "button", "Download the roll-forward as CSV").getAttribute("aria-disabled")).toBe("true");
  });
});
