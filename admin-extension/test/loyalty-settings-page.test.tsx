// @vitest-environment happy-dom
import { defaultProgramConfig, type ProgramConfigInput } from "@kinship/engine";
import { describe, expect, it } from "vitest";
import { benefits, programConfig, rewards } from "../../test/support/program-fixture.ts";
import { LoyaltySettingsPage } from "../medusa/index.ts";
import { allByRole, byLabel, byRole, choose, click, descriptionOf, group, openTab, type } from "./support/dom.ts";
import { engineForFile } from "./support/engine.ts";
import { render, settle, until } from "./support/render.tsx";
import { adjust, openShop, order, type Shop } from "./support/shop.ts";

const files = engineForFile();

function program(extra: Partial<ProgramConfigInput> = {}): ProgramConfigInput {
  return programConfig({ rewards: [rewards.fiveOff], benefits: [benefits.silverTenPercent], ...extra });
}

async function settings(shop: Shop) {
  const { container } = await render(<LoyaltySettingsPage />, shop.client);
  await until(() => expect(container.querySelector("h1")?.textContent).toBe("Loyalty program"));
  return container;
}

/** The tier cards on the Tiers tab, by title. */
function tiersOnScreen(c: HTMLElement): string[] {
  const panel = byRole(c, "tabpanel", "Tiers");
  return allByRole(panel, "group").map((g) => g.querySelector("h3")?.textContent ?? "");
}

async function save(c: HTMLElement) {
  await click(byRole(c, "button", "Save"));
  await settle();
}

describe("<LoyaltySettingsPage>", () => {
  it("a threshold below the previous tier's shows the engine's issue next to the field and saves nothing", async () => {
    const shop = await openShop(files.engine, { config: program() });
    const c = await settings(shop);
    const threshold = byLabel(group(c, "Gold"), "Growth threshold");
    expect((threshold as HTMLInputElement).value).toBe("2000");

    await type(threshold, "100");
    await save(c);
    await until(() => expect(descriptionOf(threshold)).toContain("tier thresholds must increase"));

    expect(threshold.getAttribute("aria-invalid")).toBe("true");
    const summary = allByRole(c, "alert").find((a) => a.textContent?.startsWith("The program was not saved"));
    expect(summary?.textContent).toContain("Tier “Gold” › threshold: tier thresholds must increase");
    expect(byRole(c, "tab", /^Tiers/).textContent).toBe("Tiers (1 issue)");
    expect(await shop.version()).toBe(1);
    expect((await shop.config()).tiers).toEqual(defaultProgramConfig("USD").tiers);
    expect(c.textContent).toContain("unsaved changes");
  });

  it("saving sends the whole config and a toast shows the new version", async () => {
    const shop = await openShop(files.engine, { config: program() });
    const c = await settings(shop);
    const silver = group(c, "Silver");
    await type(byLabel(silver, "Name"), "Argent");
    await type(byLabel(group(c, "Argent"), "Badge color"), "#c0c0c0");
    await save(c);

    await until(() => expect(c.querySelector("[role=status]")?.textContent).toBe("Saved as version 2."));
    await until(() => expect(document.body.textContent).toContain("Version 2"));
    expect(document.body.textContent).toContain("Loyalty program saved");
    expect(await shop.version()).toBe(2);
    const saved = await shop.config();
    expect(saved.tiers).toEqual([
      { key: "member", name: "Member", threshold: 0, badge: { label: "Member", color: "#6b7280" } },
      { key: "silver", name: "Argent", threshold: 500, badge: { label: "Silver", color: "#c0c0c0" } },
      { key: "gold", name: "Gold", threshold: 2000, badge: { label: "Gold", color: "#d4a017" } },
    ]);
    // the whole config went in one updateProgram, everything else as it was
    const [update] = shop.of("KinshipAdminUpdateProgram");
    expect(Object.keys(update?.variables.config as object).sort()).toEqual(Object.keys(saved).sort());
    expect(saved.rewards).toEqual([{ id: "five-off", name: "5.00 off", cost: 500, kind: "amountOff", value: 500, enabled: true }]);
    expect((byRole(c, "button", "Save") as HTMLButtonElement).disabled).toBe(true);
  });

  it("the condition 'subtotal ≥ 100.00 and tier is gold' is saved as the JsonLogic the engine evaluates", async () => {
    const shop = await openShop(files.engine, { config: program() });
    const c = await settings(shop);
    await openTab(c, "Earn rules");
    await click(byRole(c, "button", "Add earn rule"));
    const rule = group(c, "New rule");
    await type(byLabel(rule, "Name"), "Big basket bonus");
    await choose(byLabel(rule, "Points reward"), "A fixed amount");
    await type(byLabel(rule, "Points awarded"), "100");

    await click(byRole(rule, "button", "Add condition to all conditions"));
    await type(byRole(rule, "textbox", "Value of condition 1"), "100.00");
    await click(byRole(rule, "button", "Add condition to all conditions"));
    await choose(byRole(rule, "combobox", "Field of condition 2"), "Member tier");
    await choose(byRole(rule, "combobox", "Value of condition 2"), "Gold");
    expect(byRole(rule, "combobox", "Comparison of condition 1").textContent).toContain("is at least");
    expect(byRole(rule, "combobox", "Comparison of condition 2").textContent).toContain("is");
    await save(c);
    await until(async () => expect(await shop.version()).toBe(2));

    const saved = (await shop.config()).rules.find((r) => r.id === "new-rule");
    expect(saved).toMatchObject({
      name: "Big basket bonus",
      trigger: "order.paid",
      reward: { points: { fixed: 100 } },
      condition: { and: [{ ">=": [{ var: "event.subtotal" }, 10000] }, { "==": [{ var: "member.tier" }, "gold"] }] },
    });

    // Through the engine: a Gold member's 120.00 order gets the bonus; 99.99, or a Silver member, does not.
    await shop.apply(adjust("cus_gold", 0, { growth: 2000 }));
    await shop.apply(adjust("cus_silver", 0, { growth: 600 }));
    await shop.apply(order("o-big", "cus_gold", "2026-05-20T10:00:00Z", [{ price: 12000 }]));
    await shop.apply(order("o-small", "cus_gold", "2026-05-21T10:00:00Z", [{ price: 9999 }]));
    await shop.apply(order("o-silver", "cus_silver", "2026-05-22T10:00:00Z", [{ price: 15000 }]));
    const reasons = async (customer: string) => {
      const ledger = await files.engine.members.ledger(shop.program, customer);
      if (!ledger.ok) throw new Error(ledger.error.message);
      return ledger.value.map((l) => `${l.orderId}:${l.reason}:${l.available}`).sort();
    };
    expect(await reasons("cus_gold")).toEqual([
      "o-big:1 point per currency unit:120",
      "o-big:Big basket bonus:100",
      "o-small:1 point per currency unit:99",
    ]);
    expect(await reasons("cus_silver")).toEqual(["o-silver:1 point per currency unit:150"]);
  });

  it("a stored condition opens in the builder with its amount in dollars; hand-written JsonLogic opens as JSON and is kept", async () => {
    const handWritten = { some: [{ var: "event.lines" }, { "==": [{ var: "productId" }, "tee"] }] };
    const shop = await openShop(files.engine, {
      config: program({
        rules: [
          {
            id: "big-basket",
            name: "100 bonus over $100",
            trigger: "order.paid",
            condition: { ">=": [{ var: "event.subtotal" }, 10000] },
            reward: { points: { fixed: 100 } },
          },
          { id: "tees", name: "Tee bonus", trigger: "order.paid", condition: handWritten, reward: { points: { fixed: 5 } } },
        ],
      }),
    });
    const c = await settings(shop);
    await openTab(c, "Earn rules");
    await click(byRole(c, "button", "Edit 100 bonus over $100"));
    await click(byRole(c, "button", "Edit Tee bonus"));
    const basket = group(c, "100 bonus over $100");
    expect((byRole(basket, "textbox", "Value of condition 1") as HTMLInputElement).value).toBe("100.00");
    expect(byRole(basket, "combobox", "Field of condition 1").textContent).toContain("Order subtotal (USD)");
    const tees = group(c, "Tee bonus");
    const json = byLabel(tees, "Condition (JsonLogic)") as HTMLTextAreaElement;
    expect(JSON.parse(json.value)).toEqual(handWritten);
    expect(descriptionOf(json)).toContain("The visual builder cannot show this condition");

    // opening editors changes nothing by itself
    expect(c.textContent).not.toContain("unsaved changes");
    expect((byRole(c, "button", "Save") as HTMLButtonElement).disabled).toBe(true);

    await type(byLabel(basket, "Name"), "Big basket");
    await save(c);
    await until(async () => expect(await shop.version()).toBe(2));
    const rules = (await shop.config()).rules;
    expect(rules.map((r) => [r.id, r.condition])).toEqual([
      ["big-basket", { ">=": [{ var: "event.subtotal" }, 10000] }],
      ["tees", handWritten],
    ]);
  });

  it("an owner edits an earn rule: Gold multiplier, Wednesdays only, a monthly cap, then disables it", async () => {
    const shop = await openShop(files.engine, { config: program() });
    const c = await settings(shop);
    await openTab(c, "Earn rules");
    await click(byRole(c, "button", "Edit 1 point per currency unit"));
    const rule = group(c, "1 point per currency unit");
    await type(byLabel(rule, "Gold multiplier"), "1.5");
    await click(byLabel(rule, "Wednesday"));
    await choose(byLabel(rule, "Cap per member"), "Per month");
    await type(byLabel(rule, "Most points"), "1000");
    await click(byLabel(rule, "Enabled"));
    await type(byLabel(rule, "Silver multiplier"), "0");
    expect(descriptionOf(byLabel(rule, "Silver multiplier"))).toContain("Enter a number above 0");
    await type(byLabel(rule, "Silver multiplier"), "");
    await save(c);
    await until(async () => expect(await shop.version()).toBe(2));

    expect((await shop.config()).rules).toEqual([
      {
        id: "base",
        name: "1 point per currency unit",
        trigger: "order.paid",
        reward: { points: { perUnit: 1 }, growth: { perUnit: 1 } },
        tierMultipliers: { gold: 1.5 },
        schedule: { daysOfWeek: [3] },
        cap: { period: "month", points: 1000 },
        priority: 0,
        stacking: "stack",
        enabled: false,
      },
    ]);
  });

  it("rewards: amounts typed in dollars are saved in cents; an amount with too many decimals blocks saving", async () => {
    const shop = await openShop(files.engine, { config: program() });
    const c = await settings(shop);
    await openTab(c, "Rewards");
    const reward = group(c, "5.00 off");
    const amount = byLabel(reward, "Amount off (USD)") as HTMLInputElement;
    expect(amount.value).toBe("5.00");

    await type(amount, "7.505");
    expect(descriptionOf(amount)).toContain("USD amounts have at most 2 decimals");
    await save(c);
    await until(() => expect(allByRole(c, "alert").some((a) => a.textContent?.startsWith("Some fields are not valid yet"))).toBe(true));
    expect(shop.of("KinshipAdminUpdateProgram")).toHaveLength(0);

    await type(amount, "7.5");
    await type(byLabel(reward, "Name"), "7.50 off");
    await choose(byLabel(group(c, "7.50 off"), "Minimum tier"), "Gold");
    await click(byRole(c, "button", "Add reward"));
    const shipping = group(c, "New reward");
    await choose(byLabel(shipping, "Kind"), "Free shipping");
    await type(byLabel(shipping, "Cost in points"), "300");
    await save(c);
    await until(async () => expect(await shop.version()).toBe(2));

    expect((await shop.config()).rewards).toEqual([
      { id: "five-off", name: "7.50 off", cost: 500, kind: "amountOff", value: 750, minTier: "gold", enabled: true },
      { id: "new-reward", name: "New reward", cost: 300, kind: "freeShipping", value: 0, enabled: true },
    ]);
  });

  it("member prices: a Gold price of 3.00 off a collection; an empty id list is refused next to its field", async () => {
    const shop = await openShop(files.engine, { config: program() });
    const c = await settings(shop);
    await openTab(c, "Member prices");
    await click(byRole(c, "button", "Add member price"));
    const price = group(c, "New member price");
    await type(byLabel(price, "Name"), "Gold: 3.00 off shoes");
    const gold = group(c, "Gold: 3.00 off shoes");
    await choose(byLabel(gold, "Minimum tier"), "Gold");
    await choose(byLabel(gold, "Applies to"), "Some collections");
    await choose(byLabel(gold, "Discount"), "Amount off");
    await type(byLabel(gold, "Amount off (USD)"), "3");
    await save(c);
    await until(() => expect(descriptionOf(byLabel(gold, "Collection IDs"))).toContain("Too small: expected array to have >=1 items"));
    expect(await shop.version()).toBe(1);

    await type(byLabel(gold, "Collection IDs"), "pcol_shoes\npcol_boots, pcol_shoes");
    await save(c);
    await until(async () => expect(await shop.version()).toBe(2));
    expect((await shop.config()).benefits).toEqual([
      {
        id: "silver-10",
        name: "Silver: 10% off",
        kind: "memberPrice",
        minTier: "silver",
        scope: { all: true },
        discount: { percentOff: 10 },
      },
      {
        id: "new-member-price",
        name: "Gold: 3.00 off shoes",
        kind: "memberPrice",
        minTier: "gold",
        scope: { collectionIds: ["pcol_shoes", "pcol_boots"] },
        discount: { amountOff: 300 },
      },
    ]);
  });

  it("discard brings back the saved config; tiers can be added, moved and removed", async () => {
    const shop = await openShop(files.engine, { config: program() });
    const c = await settings(shop);
    await click(byRole(c, "button", "Add tier"));
    expect(tiersOnScreen(c)).toEqual(["Member", "Silver", "Gold", "New tier"]);
    await click(byRole(c, "button", "Move down Gold"));
    await click(byRole(c, "button", "Remove Silver"));
    expect(tiersOnScreen(c)).toEqual(["Member", "New tier", "Gold"]);
    await click(byRole(c, "button", "Discard changes"));
    expect(tiersOnScreen(c)).toEqual(["Member", "Silver", "Gold"]);
    expect((byLabel(group(c, "Gold"), "Growth threshold") as HTMLInputElement).value).toBe("2000");
    expect(shop.of("KinshipAdminUpdateProgram")).toHaveLength(0);
  });
});
