// @vitest-environment happy-dom
import { defaultProgramConfig } from "@kinship/engine";
import { describe, expect, it } from "vitest";
import { LoyaltySettingsPage } from "../medusa/index.ts";
import { allByRole, byLabel, byRole, choose, click, descriptionOf, group, openTab, type } from "./support/dom.ts";
import { engineForFile } from "./support/engine.ts";
import { render, settle, until } from "./support/render.tsx";
import { openShop, type Shop } from "./support/shop.ts";

const files = engineForFile();

async function tab(shop: Shop, name: string) {
  const { container } = await render(<LoyaltySettingsPage />, shop.client);
  await until(() => expect(container.querySelector("h1")?.textContent).toBe("Loyalty program"));
  await openTab(container, name);
  return container;
}

async function save(c: HTMLElement) {
  await click(byRole(c, "button", "Save"));
  await settle();
}

describe("<LoyaltySettingsPage> plans and referrals", () => {
  it("Plans: a new plan's fields say what is missing and nothing is sent until they are fixed; then exactly the plan is saved", async () => {
    const shop = await openShop(files.engine, { config: defaultProgramConfig("USD") });
    const c = await tab(shop, "Plans");
    await click(byRole(c, "button", "Add plan"));
    const plan = group(c, "New plan");
    expect(plan.textContent).toContain("Name the product, variant or selling plan that sells this plan");
    await type(byLabel(plan, "Name"), "Prime");
    const prime = group(c, "Prime");
    await type(byLabel(prime, "Plan key"), "prime");
    await type(byLabel(prime, "Price (USD)"), "12.99");
    await choose(byLabel(prime, "Tier while paid"), "Silver");
    await type(byLabel(prime, "Reminder days"), "61");
    expect(descriptionOf(byLabel(prime, "Reminder days"))).toContain("Enter 0 to 60 days");
    await save(c);
    expect(allByRole(c, "alert").some((a) => a.textContent?.includes("Some fields are not valid yet"))).toBe(true);
    expect(shop.of("KinshipAdminUpdateProgram")).toEqual([]);

    await type(byLabel(prime, "Reminder days"), "3");
    await type(byLabel(prime, "Variant IDs"), "variant_01\nvariant_02");
    await click(byLabel(prime, "On sale"));
    await save(c);
    await until(async () => expect(await shop.version()).toBe(2));
    expect((await shop.config()).plans).toEqual([
      {
        key: "prime",
        name: "Prime",
        price: 1299,
        period: "month",
        tier: "silver",
        benefits: [],
        freeShipping: false,
        graceDays: 7,
        onRefund: "immediately",
        reminderDays: 3,
        products: { productIds: [], variantIds: ["variant_01", "variant_02"], sellingPlanIds: [] },
        enabled: false,
      },
    ]);
  });

  it("Referrals: the settings show the engine's defaults, and a change saves the whole section", async () => {
    const shop = await openShop(files.engine, { config: defaultProgramConfig("USD") });
    const c = await tab(shop, "Referrals");
    const panel = byRole(c, "tabpanel", "Referrals");
    expect((byLabel(panel, "Welcome amount off (USD)") as HTMLInputElement).value).toBe("10.00");
    await click(byLabel(panel, "Referrals on"));
    await type(byLabel(panel, "Welcome amount off (USD)"), "5");
    await type(byLabel(panel, "Referrals per referrer"), "0");
    expect(descriptionOf(byLabel(panel, "Referrals per referrer"))).toContain("Enter 1 to 1,000 referrals");
    await type(byLabel(panel, "Referrals per referrer"), "4");
    await save(c);
    await until(async () => expect(await shop.version()).toBe(2));
    expect((await shop.config()).referrals).toEqual({
      enabled: true,
      refereeReward: { kind: "amountOff", value: 500, minimumOrder: 0 },
      referrerReward: { points: 500, growth: 0 },
      cap: { count: 4, period: "month" },
      sessionDays: 30,
    });
  });

  it("Currencies and campaigns: a currency typed letter by letter and a birthday bonus are saved as shown", async () => {
    const shop = await openShop(files.engine, { config: defaultProgramConfig("USD") });
    const c = await tab(shop, "Currencies");
    const panel = byRole(c, "tabpanel", "Currencies");
    await click(byRole(panel, "button", "Add currency"));
    const row = byRole(panel, "group", "Currency 1");
    for (const text of ["e", "eu", "eur"]) await type(byLabel(row, "Currency"), text);
    expect(descriptionOf(byLabel(byRole(panel, "group", "Currency EUR"), "Currency"))).toBe("");
    await type(byLabel(byRole(panel, "group", "Currency EUR"), "Rate"), "1,08");
    expect(descriptionOf(byLabel(byRole(panel, "group", "Currency EUR"), "Rate"))).toContain("Enter a decimal such as 0.92");
    await type(byLabel(byRole(panel, "group", "Currency EUR"), "Rate"), "1.08");
    await openTab(c, "Campaigns");
    const campaigns = byRole(c, "tabpanel", "Campaigns");
    await click(byLabel(campaigns, "Give a birthday bonus"));
    await type(byLabel(campaigns, "Birthday bonus: points"), "300");
    await save(c);
    await until(async () => expect(await shop.version()).toBe(2));
    const saved = await shop.config();
    expect(saved.currencies).toEqual({ EUR: { rate: "1.08", memberPrices: true } });
    expect(saved.campaigns).toMatchObject({ birthday: { points: 300, growth: 0 } });
  });
});
