// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { programConfig, rewards } from "../../../test/support/program-fixture.ts";
import { dashboardQuery } from "../../shared/operations.ts";
import { DashboardScreen } from "../../shopify/screens/dashboard.tsx";
import { PartnersScreen } from "../../shopify/screens/partners.tsx";
import { byLabel, byRole, click, rowsOf, type } from "../support/dom.ts";
import { engineForFile } from "../support/engine.ts";
import { card, renderScreen, saveBarButton, select } from "../support/polaris.tsx";
import { until } from "../support/render.tsx";
import { adjust, NOW, openShop, order, type Shop } from "../support/shop.ts";

const files = engineForFile();

const cafe = {
  key: "cafe",
  name: "Corner Café",
  perk: "A free coffee",
  minTier: "gold",
  claimLimit: { count: 1, period: "month" as const },
  settlementPrice: 150,
  enabled: true,
};

const stockOf = (el: HTMLElement) => el.querySelector("[data-stock]")?.textContent;

describe("<PartnersScreen> (Shopify admin)", () => {
  it("imports codes into a saved partner's pool (counts and stock) and shows the month's settlement", async () => {
    const shop = await openShop(files.engine, { config: programConfig({ partners: [cafe] }) });
    await shop.apply(adjust("ada", 0, { growth: 2500 }));
    const { container: c } = await renderScreen(<PartnersScreen />, shop.client);
    await until(() => expect(stockOf(card(c, "Corner Café"))).toBe("0 of 0 codes left"));

    const pool = card(c, "Corner Café");
    await type(byLabel(pool, "Perk codes, one per line"), "C1\nC2\n\nC3");
    await click(byRole(pool, "button", "Import codes"));
    await until(() => expect(pool.querySelector("form [role=status]")?.textContent).toBe("Added 3 codes; 0 were already there."));
    await type(byLabel(pool, "Perk codes, one per line"), "C3\nC4");
    await click(byRole(pool, "button", "Import codes"));
    await until(() => expect(pool.querySelector("form [role=status]")?.textContent).toBe("Added 1 code; 1 was already there."));
    await until(() => expect(stockOf(pool)).toBe("4 of 4 codes left"));

    const claimed = await files.engine.partners.claim({
      program: shop.program,
      customerId: "ada",
      partner: "cafe",
      key: "ada-cafe",
      now: NOW,
    });
    expect(claimed.ok).toBe(true);
    await type(byLabel(c, "Settlement month"), "2026-06");
    await until(() =>
      expect(rowsOf(byRole(c, "table", "Partner settlement, June 2026"))).toEqual([["Corner Café", "1", "$1.50", "$1.50", "3"]]),
    );
    expect(shop.of("KinshipAdminPartners").at(-1)?.variables).toEqual({ from: "2026-06-01T00:00:00.000Z", to: "2026-07-01T00:00:00.000Z" });
    await until(() => expect(stockOf(card(c, "Corner Café"))).toBe("3 of 4 codes left"));
  });

  it("a new partner cannot import codes before it is saved; a missing perk is the engine's message at the field", async () => {
    const shop = await openShop(files.engine, { config: programConfig({ partners: [cafe] }) });
    const { container: c } = await renderScreen(<PartnersScreen />, shop.client);
    await until(() => byRole(c, "button", "Add partner"));
    await click(byRole(c, "button", "Add partner"));
    const added = card(c, "New partner");
    expect(added.textContent).toContain("Save the program to import perk codes for this partner.");
    await click(saveBarButton(c, "Save"));
    await until(() => expect(c.textContent).toContain("The program was not saved"));
    const perk = byLabel(card(c, "New partner"), "What members get");
    expect(perk.getAttribute("aria-invalid")).toBe("true");
    expect(await shop.version()).toBe(1);
  });
});

/** The engine's own dashboard answer for the same program, to check the screen shows its figures. */
async function engineDashboard(shop: Shop, weeks: number) {
  return (await shop.client.request(dashboardQuery, { weeks })).dashboard;
}

describe("<DashboardScreen> (Shopify admin)", () => {
  it("shows the engine's figures in tiles, the charts in cards and the top rewards; the weeks selector asks again", async () => {
    const shop = await openShop(files.engine, { config: programConfig({ rewards: [rewards.fiveOffFor100Points] }) });
    await shop.apply(order("o-1", "ada", "2026-05-20T10:00:00Z", [{ price: 12_000 }]));
    await shop.apply(order("o-2", "bob", "2026-05-27T10:00:00Z", [{ price: 4_000 }]));
    await shop.apply(adjust("ada", 300));
    const { container: c } = await renderScreen(<DashboardScreen />, shop.client);
    await until(() => expect(c.querySelector("dl")).not.toBeNull());

    const expected = await engineDashboard(shop, 12);
    const tile = (label: string) =>
      [...c.querySelectorAll("dl")].find((dl) => dl.querySelector("dt")?.textContent === label)?.querySelector("dd span")?.textContent;
    expect(expected.members).toBe(2);
    expect(tile("Members")).toBe(new Intl.NumberFormat().format(expected.members));
    expect(tile("Active members")).toBe(new Intl.NumberFormat().format(expected.activeMembers));
    expect(tile("Outstanding points")).toBe(new Intl.NumberFormat().format(expected.outstandingPoints));
    const figures = [...c.querySelectorAll("figure")].map((f) => f.querySelector("figcaption strong")?.textContent);
    expect(figures).toEqual(["Members by tier", "Points per week", "Members and non-members"]);
    expect(c.textContent).toContain("No rewards redeemed in this period.");
    expect(shop.of("KinshipAdminDashboard").at(-1)?.variables).toEqual({ weeks: 12 });

    await select(byLabel(c, "Period"), "4");
    await until(() => expect(shop.of("KinshipAdminDashboard").at(-1)?.variables).toEqual({ weeks: 4 }));
  });
});
