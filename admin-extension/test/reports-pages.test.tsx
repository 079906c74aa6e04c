// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { CustomerLoyaltyWidget, FinancePage, InsightPage, MemberPage } from "../medusa/index.ts";
import { byLabel, byRole, click, rowsOf, type } from "./support/dom.ts";
import { shopForFile } from "./support/engine.ts";
import { render, until } from "./support/render.tsx";
import { reportsConfig, seedMay } from "./support/reports.ts";
import { NOW } from "./support/shop.ts";

const files = shopForFile({ config: reportsConfig() }, async (shop) => {
  await seedMay(shop);
  const refreshed = await shop.engine.insight.refresh(shop.program, NOW);
  if (!refreshed.ok) throw new Error(refreshed.error.message);
});

const moving = (rows: string[][]) => rows.filter((r) => r.slice(2, 8).some((x) => x !== "0") || r[0] === "Month total");

describe("Medusa admin: Loyalty → Finance and Insight", () => {
  it("<FinancePage>: the picked month's roll-forward, liability, benefit costs and chart", async () => {
    const { container: c } = await render(<FinancePage initialMonth="2026-04" />, files.shop.client);
    await until(() => expect(byRole(c, "table", "Points roll-forward by day, April 2026")).toBeTruthy());
    await type(byLabel(c, "Month"), "2026-05");
    await until(() => expect(byRole(c, "table", "Points roll-forward by day, May 2026")).toBeTruthy());
    expect(moving(rowsOf(byRole(c, "table", "Points roll-forward by day, May 2026")))).toEqual([
      ["2026-05-10", "0", "2,500", "0", "0", "0", "0", "0", "2,500"],
      ["2026-05-11", "2,500", "600", "0", "0", "0", "0", "0", "3,100"],
      ["2026-05-12", "3,100", "100", "0", "0", "0", "0", "0", "3,200"],
      ["2026-05-15", "3,200", "0", "0", "0", "100", "0", "0", "3,100"],
      ["2026-05-20", "3,100", "100", "0", "0", "0", "0", "0", "3,200"],
      ["Month total", "0", "3,300", "0", "0", "100", "0", "0", "3,200"],
    ]);
    expect(c.querySelector("[data-reconciled]")?.textContent).toBe("Reconciled to the ledger.");
    expect(rowsOf(byRole(c, "table", "Points liability per currency"))).toEqual([["USD", "3,200", "$32.00", "$0.00", "$32.00"]]);
    expect(c.querySelector("[data-breakage]")?.textContent).toMatch(/^Breakage rate 0%/);
    expect(rowsOf(byRole(c, "table", "Benefit costs against members' orders"))).toEqual([
      ["Members save 5%", "Member price", "1", "$2.00", "$5.00", "1", "2", "$2,600.00"],
    ]);
    expect(byRole(c, "region", "Finance").querySelector("button")?.textContent).toBe("Download CSV");
    expect([...c.querySelectorAll("figure figcaption strong")].map((s) => s.textContent)).toEqual(["Points per day"]);
  });

  it("<InsightPage>: segments, the 20/80 share, tier migration, segment × tier, a segment's members linking to their page", async () => {
    const { container: c } = await render(<InsightPage />, files.shop.client);
    await until(() => expect(rowsOf(byRole(c, "table", "Members and sales per segment"))[2]).toEqual(["New", "3", "$3,300.00"]));
    expect(c.querySelector("[data-top-share]")?.textContent).toBe(
      "Top 20% of members: 78.8% of members' sales1 of 3 members with sales bought $2,600.00 of $3,300.00.",
    );
    expect([...c.querySelectorAll("figure figcaption strong")].map((s) => s.textContent)).toEqual([
      "Members and non-members",
      "Tier migration",
    ]);
    expect(rowsOf(byRole(c, "table", "Members per tier and segment"))).toEqual([
      ["Member", "0", "0", "0", "0", "0", "0"],
      ["Silver", "0", "0", "2", "0", "0", "0"],
      ["Gold", "0", "0", "1", "0", "0", "0"],
    ]);
    await until(() => expect(rowsOf(byRole(c, "table", "Members in New")).map((r) => r[0])).toEqual(["cus_ADA", "cus_BOB", "cus_CY"]));
    expect(byRole(c, "table", "Members in New").querySelector("a")?.getAttribute("href")).toBe("/loyalty/members/cus_ADA");
    await click(byRole(c, "button", "List Champions"));
    await until(() =>
      expect(byRole(c, "region", "Members in Champions").querySelector("[data-empty-state]")?.textContent).toBe(
        "No members in this segment.",
      ),
    );
  });

  it("the member page and the customer widget show the member's segment", async () => {
    const page = await render(<MemberPage customerId="cus_BOB" />, files.shop.client);
    await until(() => expect(page.container.querySelector("[data-member-segment]")?.getAttribute("data-member-segment")).toBe("NEW"));
    expect(page.container.querySelector("[data-member-segment]")?.textContent).toContain(
      "1 order, $600.00 lifetime, last on May 11, 2026.",
    );
    const widget = await render(<CustomerLoyaltyWidget customerId="cus_CY" />, files.shop.client);
    await until(() =>
      expect(widget.container.querySelector("[data-member-segment]")?.textContent).toMatch(/^SegmentNewR \d · F \d · M \d/),
    );
  });
});
