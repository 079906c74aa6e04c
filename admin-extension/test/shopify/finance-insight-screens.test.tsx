// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { FinanceScreen } from "../../shopify/screens/finance.tsx";
import { InsightScreen } from "../../shopify/screens/insight.tsx";
import { MemberInsightCard } from "../../shopify/screens/member-insight-card.tsx";
import { byLabel, byRole, click, rowsOf, type } from "../support/dom.ts";
import { engineForFile } from "../support/engine.ts";
import { renderScreen, toasts } from "../support/polaris.tsx";
import { until } from "../support/render.tsx";
import { reportsConfig, seedMay } from "../support/reports.ts";
import { NOW, openShop } from "../support/shop.ts";

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
    await click(byRole(c, "button", "Download CSV of the roll-forward"));
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
    expect(byRole(c, "button", "Download CSV of the roll-forward").getAttribute("aria-disabled")).toBe("true");
  });
});

describe("<InsightScreen> (Shopify admin)", () => {
  it("shows segments once computed (refresh), the 20/80 share, members against others, tier moves, segment × tier, and a segment's members linking to their page", async () => {
    const shop = await openShop(files.engine, { config: reportsConfig() });
    await seedMay(shop);
    const { container: c } = await renderScreen(<InsightScreen />, shop.client);
    await until(() => expect(byRole(c, "table", "Members and sales per segment")).toBeTruthy());
    expect(c.textContent).toContain("Segments not computed yet");
    expect(rowsOf(byRole(c, "table", "Members and sales per segment")).map((r) => r[1])).toEqual(["0", "0", "0", "0", "0", "0"]);

    await click(byRole(c, "button", "Refresh segments"));
    await until(() => expect(c.textContent).toContain("Segments computed Jun 1, 2026"));
    expect(toasts).toEqual([{ message: "Segments recomputed", isError: false }]);
    // Ada, Bob and Cy joined and first bought in May: all new.
    expect(rowsOf(byRole(c, "table", "Members and sales per segment"))).toEqual([
      ["Champions", "0", "$0.00"],
      ["Loyal", "0", "$0.00"],
      ["New", "3", "$3,300.00"],
      ["Regular", "0", "$0.00"],
      ["At risk", "0", "$0.00"],
      ["Lapsed", "0", "$0.00"],
    ]);
    // The top fifth of 3 members with sales is Ada alone: 2,600.00 of 3,300.00.
    expect(c.querySelector("[data-top-share]")?.textContent).toBe(
      "Top 20% of members78.8% of members' sales1 of 3 members with sales bought $2,600.00 of $3,300.00.",
    );
    const caption = (title: string) =>
      [...c.querySelectorAll("figure")]
        .find((f) => f.querySelector("figcaption strong")?.textContent === title)
        ?.querySelector("figcaption span")?.textContent;
    expect(caption("Members and non-members")).toBe(
      "Average order $825.00 for members, $0.00 for non-members; repeat rate 33.3% against 0%.",
    );
    expect(caption("Tier migration")).toBe("Over 1 month: 1 Member → Silver.");
    expect(rowsOf(byRole(c, "table", "Members per tier and segment"))).toEqual([
      ["Member", "0", "0", "0", "0", "0", "0"],
      ["Silver", "0", "0", "2", "0", "0", "0"],
      ["Gold", "0", "0", "1", "0", "0", "0"],
    ]);

    // The list opens on the best segment with members; a segment's name lists its own.
    await until(() => expect(byRole(c, "table", "Members in New")).toBeTruthy());
    const newMembers = byRole(c, "table", "Members in New");
    expect(rowsOf(newMembers).map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      ["cus_ADA", "Gold", "2", "$2,600.00"],
      ["cus_BOB", "Silver", "1", "$600.00"],
      ["cus_CY", "Silver", "1", "$100.00"],
    ]);
    expect(newMembers.querySelector("a")?.getAttribute("href")).toBe("/app/members/cus_ADA");
    await click(byRole(c, "button", "List Lapsed"));
    await until(() => expect(c.textContent).toContain("No members in this segment."));
    // Champions first (nothing computed), again on refresh, then the best segment with members, then the one clicked.
    expect([...new Set(shop.of("KinshipAdminMembersInSegment").map((r) => r.variables.segment))]).toEqual(["CHAMPIONS", "NEW", "LAPSED"]);
    expect(shop.of("KinshipAdminMembersInSegment").at(-1)?.variables).toEqual({ segment: "LAPSED", first: 25, after: null });
  });

  it("the member page's segment card: the member's segment, scores and orders", async () => {
    const shop = await openShop(files.engine, { config: reportsConfig() });
    await seedMay(shop);
    await files.engine.insight.refresh(shop.program, NOW);
    const { container: c } = await renderScreen(<MemberInsightCard customerId="cus_ADA" currency="USD" />, shop.client);
    await until(() => expect(c.querySelector("[data-member-segment]")?.getAttribute("data-member-segment")).toBe("NEW"));
    // Ada has the latest order, the most orders and the most spent of three: 1 + floor(5 × 2/3) = 4 on every score.
    const text = [...c.querySelectorAll("p")].map((p) => p.textContent);
    expect(text).toEqual([
      "First order in the last 30 days, or joined then with at most one order.",
      "R 4 · F 4 · M 4",
      "2 orders, $2,600.00 lifetime, last on May 20, 2026.",
      "Computed Jun 1, 2026",
    ]);
  });
});
