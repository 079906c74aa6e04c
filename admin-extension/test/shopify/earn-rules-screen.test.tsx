// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { programConfig } from "../../../test/support/program-fixture.ts";
import { EarnRulesScreen } from "../../shopify/screens/earn-rules.tsx";
import { byLabel, byRole, click, descriptionOf, type } from "../support/dom.ts";
import { engineForFile } from "../support/engine.ts";
import { card, renderScreen, saveBarButton, select, toasts } from "../support/polaris.tsx";
import { settle, until } from "../support/render.tsx";
import { openShop, type Shop } from "../support/shop.ts";

const files = engineForFile();

async function earnRules(shop: Shop) {
  const { container } = await renderScreen(<EarnRulesScreen />, shop.client);
  await until(() => expect(container.querySelector("h1")?.textContent).toBe("Earn rules"));
  await until(() => byRole(container, "button", "Add earn rule"));
  return container;
}

/** Adds a rule, names it and opens it (a new rule opens by itself). */
async function newRule(c: HTMLElement, name: string) {
  await click(byRole(c, "button", "Add earn rule"));
  await type(byLabel(card(c, "New rule"), "Name"), name);
  return card(c, name);
}

describe("<EarnRulesScreen> (Shopify admin)", () => {
  it("builds 'subtotal ≥ 100.00 and tier is Gold' with the visual builder, a schedule and a cap, and saves the JsonLogic", async () => {
    const shop = await openShop(files.engine, { config: programConfig() });
    const c = await earnRules(shop);
    const rule = await newRule(c, "Big gold baskets");
    await type(byLabel(rule, "Rule ID"), "big-gold");
    await select(byLabel(rule, "Points reward"), "fixed");
    await type(byLabel(rule, "Points awarded"), "250");
    await click(byRole(rule, "button", "Add condition to all conditions"));
    await type(byLabel(rule, "Value of condition 1"), "100.00");
    await click(byRole(rule, "button", "Add condition to all conditions"));
    await select(byLabel(rule, "Field of condition 2"), "member.tier");
    await select(byLabel(rule, "Value of condition 2"), "gold");
    await click(byLabel(rule, "Saturday"));
    await click(byLabel(rule, "Sunday"));
    await type(byLabel(rule, "From"), "2026-07-01");
    await select(byLabel(rule, "Cap period"), "month");
    await type(byLabel(rule, "Most points"), "1000");
    await click(saveBarButton(c, "Save"));
    await until(() => expect(toasts.at(-1)?.message).toBe("Loyalty program saved (version 2)"));

    const saved = (await shop.config()).rules.find((r) => r.id === "big-gold");
    expect(saved).toMatchObject({
      name: "Big gold baskets",
      trigger: "order.paid",
      reward: { points: { fixed: 250 } },
      condition: { and: [{ ">=": [{ var: "event.subtotal" }, 10000] }, { "==": [{ var: "member.tier" }, "gold"] }] },
      schedule: { from: "2026-07-01T00:00:00.000Z", daysOfWeek: [6, 7] },
      cap: { points: 1000, period: "month" },
    });
  });

  it("a condition amount that is not money is marked in the row and nothing is saved", async () => {
    const shop = await openShop(files.engine, { config: programConfig() });
    const c = await earnRules(shop);
    const rule = await newRule(c, "Typo");
    await click(byRole(rule, "button", "Add condition to all conditions"));
    const value = byLabel(rule, "Value of condition 1");
    await type(value, "a hundred");
    expect(descriptionOf(value)).toMatch(/Enter an amount in USD/);
    await click(saveBarButton(c, "Save"));
    await settle();
    expect(c.textContent).toContain("Nothing was saved");
    expect(shop.of("KinshipAdminUpdateProgram")).toHaveLength(0);
    expect(await shop.version()).toBe(1);
  });

  it("the engine's issues land at the rule's fields (a bad time zone), nothing saved", async () => {
    const shop = await openShop(files.engine, { config: programConfig() });
    const c = await earnRules(shop);
    const rule = await newRule(c, "Zoned");
    const zone = byLabel(rule, "Time zone");
    await type(zone, "Mars/Olympus");
    await click(saveBarButton(c, "Save"));
    await until(() => expect(descriptionOf(byLabel(card(c, "Zoned"), "Time zone"))).toContain("unknown time zone"));
    expect(c.textContent).toContain("Earn rule “Zoned” › schedule › timezone: unknown time zone");
    expect(await shop.version()).toBe(1);
  });

  it("tries the unsaved rule on an order: points, growth and each check, with field messages for a bad order", async () => {
    const shop = await openShop(files.engine, { config: programConfig() });
    const c = await earnRules(shop);
    const rule = await newRule(c, "Gold double");
    await select(byLabel(rule, "Points reward"), "perUnit");
    await type(byLabel(rule, "Points per USD 1"), "2");
    await click(byRole(rule, "button", "Add condition to all conditions"));
    await type(byLabel(rule, "Value of condition 1"), "50");
    const panel = rule.querySelector<HTMLElement>("[data-try-rule]") as HTMLElement;

    await type(byLabel(panel, "Subtotal"), "12.345");
    await click(byRole(panel, "button", "Try the rule"));
    expect(descriptionOf(byLabel(panel, "Subtotal"))).toContain("USD amounts have at most 2 decimals");
    expect(shop.of("KinshipAdminTryRule")).toHaveLength(0);

    await type(byLabel(panel, "Subtotal"), "120.00");
    await select(byLabel(panel, "Member tier"), "gold");
    await click(byRole(panel, "button", "Try the rule"));
    await until(() => expect(panel.querySelector("[data-trial-total]")?.textContent).toBe("240 points · 0 growth"));
    const [asked] = shop.of("KinshipAdminTryRule");
    expect(asked?.variables).toMatchObject({ order: { subtotal: 12000, currency: "USD" }, tier: "gold" });
    expect(asked?.variables.rule).toHaveProperty("condition");
    expect((asked?.variables.rule as { condition?: unknown } | undefined)?.condition).toEqual({ ">=": [{ var: "event.subtotal" }, 5000] });
    const condition = panel.querySelector("[data-step=condition]");
    expect(condition?.getAttribute("data-passed")).toBe("true");
    expect(condition?.textContent).toContain("Passed");
    expect(panel.querySelector("[data-step=reward]")?.textContent).toContain("2 points per 1.00 of 120.00 eligible = 240");

    await type(byLabel(panel, "Subtotal"), "20");
    await click(byRole(panel, "button", "Try the rule"));
    await until(() => expect(panel.querySelector("[data-trial-total]")?.textContent).toBe("0 points · 0 growth"));
    expect(panel.textContent).toContain("The rule does not apply");
    expect(panel.querySelector("[data-step=condition]")?.getAttribute("data-passed")).toBe("false");
    expect(panel.querySelector("[data-step=condition]")?.textContent).toContain("Failed");
    // Trying wrote nothing: the program is as it was.
    expect(await shop.version()).toBe(1);
  });
});
