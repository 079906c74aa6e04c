// @vitest-environment happy-dom
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { benefits, partners, programConfig, rewards } from "../../test/support/program-fixture.ts";
import {
  ActivityPage,
  CustomerLoyaltyWidget,
  LoyaltyDashboard,
  LoyaltySettingsPage,
  MemberPage,
  MembersPage,
  OrderPointsWidget,
} from "../medusa/index.ts";
import { allByRole, byLabel, byRole, click, group, nameOf, openTab, type } from "./support/dom.ts";
import { engineForFile } from "./support/engine.ts";
import { seedMembers } from "./support/members.ts";
import { render, until } from "./support/render.tsx";
import { adjust, openShop, order, refund } from "./support/shop.ts";

const files = engineForFile();

const controls = "button, input, textarea, select, [role=combobox], [role=switch], [role=checkbox], [role=tab]";

/** Controls without an accessible name, described for the failure message. */
function unlabelled(root: HTMLElement): string[] {
  return [...root.querySelectorAll<HTMLElement>(controls)]
    .filter((el) => !el.closest("[aria-hidden=true]") && el.getAttribute("type") !== "hidden")
    .filter((el) => nameOf(el) === "")
    .map((el) => el.outerHTML.slice(0, 120));
}

/** Controls whose Medusa classes give no focus style (Medusa's checkbox draws it on its box: group-focus-visible). */
function withoutFocusStyle(root: HTMLElement): string[] {
  return [...root.querySelectorAll<HTMLElement>(controls)]
    .filter((el) => !el.closest("[aria-hidden=true]") && el.getAttribute("type") !== "hidden")
    .filter((el) => ![el, ...el.querySelectorAll("*")].some((e) => [...e.classList].some((c) => /^(group-)?focus(-visible)?:/.test(c))))
    .map((el) => `${nameOf(el)}: ${el.outerHTML.slice(0, 100)}`);
}

async function violations(root: HTMLElement): Promise<string[]> {
  // Layout rules (contrast) need a real browser.
  const result = await axe.run(root, { rules: { "color-contrast": { enabled: false } }, resultTypes: ["violations"] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(" | ")}`);
}

describe("accessibility of the Medusa screens", () => {
  it("the customer widget: named controls, visible focus, no axe violations", async () => {
    const shop = await openShop(files.engine);
    await shop.apply(order("o-1", "cus_a11y", "2026-05-20T10:00:00Z", [{ price: 4200 }]));
    await shop.apply(adjust("cus_a11y", 5, { reason: "goodwill", actor: "ana@shop.example" }));
    const { container: c } = await render(<CustomerLoyaltyWidget customerId="cus_a11y" />, shop.client);
    await until(() => expect(c.querySelectorAll("tbody tr")).toHaveLength(2));
    expect(byRole(c, "region", "Loyalty")).toBeTruthy();
    expect(unlabelled(c)).toEqual([]);
    expect(withoutFocusStyle(c)).toEqual([]);
    expect(await violations(c)).toEqual([]);
  });

  it("the order widget: a named region and table, no axe violations", async () => {
    const shop = await openShop(files.engine);
    await shop.apply(order("order_a11y", "cus_b", "2026-05-20T10:00:00Z", [{ price: 4200 }]));
    await shop.apply(refund("ref_a11y", "order_a11y", "2026-05-21T10:00:00Z", 1000));
    const { container: c } = await render(<OrderPointsWidget orderId="order_a11y" />, shop.client);
    await until(() => expect(c.querySelectorAll("tbody tr")).toHaveLength(2));
    expect(byRole(c, "region", "Loyalty points")).toBeTruthy();
    expect(byRole(c, "table", "This order's points, oldest first").querySelectorAll("th[scope=col]")).toHaveLength(5);
    expect(await violations(c)).toEqual([]);
  });

  it("the settings page, every tab and an open rule with its condition builder: named controls, visible focus, no axe violations", async () => {
    const shop = await openShop(files.engine, {
      config: programConfig({
        rules: [
          {
            id: "big",
            name: "Big basket",
            trigger: "order.paid",
            condition: { and: [{ ">=": [{ var: "event.subtotal" }, 10000] }, { in: [{ var: "member.tier" }, ["silver", "gold"]] }] },
            reward: { points: { fixed: 100 } },
          },
        ],
        rewards: [rewards.fiveOff],
        benefits: [{ ...benefits.goldTenPercent, scope: { productIds: ["p1"] } }],
      }),
    });
    const { container: c } = await render(<LoyaltySettingsPage />, shop.client);
    await until(() => expect(c.querySelector("h1")?.textContent).toBe("Loyalty program"));
    await openTab(c, "Earn rules");
    await click(byRole(c, "button", "Edit Big basket"));
    expect(allByRole(c, "checkbox").map(nameOf)).toEqual([
      "Monday",
      "Tuesday",
      "Wednesday",
      "Thursday",
      "Friday",
      "Saturday",
      "Sunday",
      "Member",
      "Silver",
      "Gold",
    ]);
    expect(unlabelled(c)).toEqual([]);
    expect(withoutFocusStyle(c)).toEqual([]);
    expect(await violations(c)).toEqual([]);
  });

  it("the Partners tab with a code pool, a refused import and the settlement table: named controls, visible focus, no axe violations", async () => {
    const shop = await openShop(files.engine, {
      config: programConfig({ partners: [partners.cafe] }),
    });
    const { container: c } = await render(<LoyaltySettingsPage />, shop.client);
    await until(() => expect(c.querySelector("h1")?.textContent).toBe("Loyalty program"));
    await openTab(c, "Partners");
    await click(byRole(c, "button", "Add partner"));
    const cafe = group(c, "Corner Café");
    await type(byLabel(cafe, "Perk codes, one per line"), "BAD CODE");
    await click(byRole(cafe, "button", "Import codes"));
    await until(() => expect(allByRole(cafe, "alert")).toHaveLength(1));
    await until(() => expect(allByRole(c, "table", /^Partner settlement, /)).toHaveLength(1));
    expect(byRole(c, "table", /^Partner settlement, /).querySelectorAll("th[scope=col]")).toHaveLength(5);
    expect(unlabelled(c)).toEqual([]);
    expect(withoutFocusStyle(c)).toEqual([]);
    expect(await violations(c)).toEqual([]);
  });

  it("the Loyalty screens (members, a member's page, activity, dashboard): named controls, visible focus, no axe violations", async () => {
    const shop = await openShop(files.engine, { config: programConfig() });
    await seedMembers(shop);
    const screens = [
      { ui: <MembersPage />, ready: (c: HTMLElement) => expect(c.querySelectorAll("tbody tr")).toHaveLength(3) },
      { ui: <MemberPage customerId="cus_ADA" />, ready: (c: HTMLElement) => expect(c.querySelectorAll("tbody tr")).toHaveLength(1) },
      { ui: <ActivityPage />, ready: (c: HTMLElement) => expect(c.querySelectorAll("tbody tr").length).toBeGreaterThan(0) },
      { ui: <LoyaltyDashboard />, ready: (c: HTMLElement) => expect(c.querySelectorAll("figure")).toHaveLength(3) },
    ];
    for (const screen of screens) {
      const { container: c, unmount } = await render(screen.ui, shop.client);
      await until(() => screen.ready(c));
      expect(unlabelled(c)).toEqual([]);
      expect(withoutFocusStyle(c)).toEqual([]);
      expect(await violations(c)).toEqual([]);
      unmount();
    }
  });
});
