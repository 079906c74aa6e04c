// @vitest-environment happy-dom
import { act } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import { MembersByTierChart, OrderComparisonChart, PointsByWeekChart } from "../charts/index.ts";
import { seriesStyle } from "../charts/patterns.tsx";
import type { Dashboard } from "../shared/types.ts";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const dashboard: Pick<Dashboard, "membersByTier" | "pointsByWeek" | "memberOrders" | "nonMemberOrders"> = {
  membersByTier: [
    {
      week: "2026-11-23T05:00:00.000Z",
      tiers: [
        { tier: "base", name: "Member", members: 10 },
        { tier: "gold", name: "Gold", members: 2 },
      ],
    },
    {
      week: "2026-11-30T05:00:00.000Z",
      tiers: [
        { tier: "base", name: "Member", members: 12 },
        { tier: "gold", name: "Gold", members: 3 },
      ],
    },
  ],
  pointsByWeek: [
    { week: "2026-11-23T05:00:00.000Z", issued: 1200, redeemed: 300, expired: 0, reversed: 50 },
    { week: "2026-11-30T05:00:00.000Z", issued: 900, redeemed: 0, expired: 25, reversed: 0 },
  ],
  memberOrders: { orders: 30, customers: 12, averageOrderValue: 12_345, repeatRate: 0.5 },
  nonMemberOrders: { orders: 40, customers: 35, averageOrderValue: 8_000, repeatRate: 0.125 },
};

async function draw(ui: React.ReactNode) {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(ui));
  return container;
}

afterEach(() => {
  document.body.innerHTML = "";
});

/** The table's rows as text, header row first. */
const rowsOf = (c: Element) => [...c.querySelectorAll("table tr")].map((tr) => [...tr.children].map((td) => td.textContent?.trim()));

describe("dashboard charts", () => {
  it("members by tier: a titled figure, the latest week in words, the numbers per week in the program's time zone", async () => {
    const c = await draw(<MembersByTierChart weeks={dashboard.membersByTier} timeZone="America/New_York" />);
    const figure = c.querySelector("figure");
    expect(figure?.getAttribute("aria-labelledby")).toBeTruthy();
    expect(c.querySelector("figcaption")?.textContent).toContain("Members by tier");
    expect(c.querySelector("figcaption")?.textContent).toContain("Member 12, Gold 3");
    // Monday 00:00 in New York is 05:00 UTC: the label is the Monday, not Sunday.
    expect(rowsOf(c)).toEqual([
      ["Week", "Member", "Gold"],
      ["Nov 23", "10", "2"],
      ["Nov 30", "12", "3"],
    ]);
    // The drawing itself needs a laid-out box (Chromium): the admins' browser tests check its bars.
  });

  it("points per week: totals in the summary and every series in the table", async () => {
    const c = await draw(<PointsByWeekChart weeks={dashboard.pointsByWeek} timeZone="America/New_York" />);
    expect(c.querySelector("figcaption")?.textContent).toContain("Over 2 weeks: 2,100 issued, 300 redeemed, 25 expired, 50 reversed.");
    expect(rowsOf(c)).toEqual([
      ["Week", "Issued", "Redeemed", "Expired", "Reversed"],
      ["Nov 23", "1,200", "300", "0", "50"],
      ["Nov 30", "900", "0", "25", "0"],
    ]);
  });

  it("members against non-members: money from minor units, shares as percentages", async () => {
    const c = await draw(<OrderComparisonChart members={dashboard.memberOrders} nonMembers={dashboard.nonMemberOrders} currency="USD" />);
    expect(c.querySelector("figcaption")?.textContent).toContain(
      "Average order $123.45 for members, $80.00 for non-members; repeat rate 50% against 12.5%.",
    );
    expect(rowsOf(c).slice(1)).toEqual([
      ["Members", "30", "12", "$123.45", "50%"],
      ["Non-members", "40", "35", "$80.00", "12.5%"],
    ]);
  });

  it("no two of the first six series share a pattern, so colour is never the only difference", () => {
    const patterns = Array.from({ length: 6 }, (_, i) => seriesStyle("c", i).pattern);
    expect(new Set(patterns).size).toBe(6);
  });
});
