// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { programConfig } from "../../test/support/program-fixture.ts";
import { LoyaltyDashboard } from "../medusa/index.ts";
import { byRole, termsOf } from "./support/dom.ts";
import { engineForFile } from "./support/engine.ts";
import { seedMembers } from "./support/members.ts";
import { render, until } from "./support/render.tsx";
import { openShop } from "./support/shop.ts";

const files = engineForFile();

describe("<LoyaltyDashboard>", () => {
  it("tiles with the engine's totals, the three shared charts, and an empty top rewards card", async () => {
    const shop = await openShop(files.engine, { config: programConfig() });
    await seedMembers(shop);
    const { container: c } = await render(<LoyaltyDashboard />, shop.client);
    await until(() => expect(termsOf(c).Members).toBe("3"));
    // The paid-membership share is its own query (below the totals), not one of them.
    const { "Paid members who saved more than their fee": _share, ...totals } = termsOf(c);
    expect(totals).toEqual({ Members: "3", "Active members": "3", "Outstanding points": "3,200", "Pending points": "0" });
    expect(shop.of("KinshipAdminDashboard")[0]?.variables).toEqual({ weeks: 12 });

    const figures = [...c.querySelectorAll("figure")].map((f) => f.querySelector("figcaption strong")?.textContent);
    expect(figures).toEqual(["Members by tier", "Points per week", "Members and non-members"]);
    // Each chart carries its numbers as a table too, so nothing hangs on colour alone.
    expect(c.querySelectorAll("figure table").length).toBe(3);
    expect(byRole(c, "region", "Top rewards").querySelector("[data-empty-state]")?.textContent).toBe("No rewards redeemed in these weeks.");
    const links = [...c.querySelectorAll("nav a")].map((a) => [a.textContent, a.getAttribute("href")]);
    expect(links).toEqual([
      ["Members", "/loyalty/members"],
      ["Finance", "/loyalty/finance"],
      ["Insight", "/loyalty/insight"],
      ["Activity", "/loyalty/activity"],
      ["Settings", "/settings/loyalty"],
    ]);
  });
});
