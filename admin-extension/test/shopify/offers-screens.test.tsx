// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { benefits, programConfig, rewards } from "../../../test/support/program-fixture.ts";
import { MemberPricesScreen } from "../../shopify/screens/member-prices.tsx";
import { RewardsScreen } from "../../shopify/screens/rewards.tsx";
import { byLabel, byRole, click, descriptionOf, type } from "../support/dom.ts";
import { engineForFile } from "../support/engine.ts";
import { card, renderScreen, saveBarButton, select, toasts } from "../support/polaris.tsx";
import { settle, until } from "../support/render.tsx";
import { openShop } from "../support/shop.ts";

const files = engineForFile();

async function screen(ui: React.ReactNode, client: Parameters<typeof renderScreen>[1], title: string, addLabel: string) {
  const { container } = await renderScreen(ui, client);
  await until(() => expect(container.querySelector("h1")?.textContent).toBe(title));
  await until(() => byRole(container, "button", addLabel));
  return container;
}

describe("<RewardsScreen> (Shopify admin)", () => {
  it("adds a percent-off reward for Gold and saves it; a percentage over 100 is marked at the field and nothing is sent", async () => {
    const shop = await openShop(files.engine, { config: programConfig({ rewards: [rewards.fiveOff] }) });
    const c = await screen(<RewardsScreen />, shop.client, "Rewards", "Add reward");
    expect((byLabel(card(c, "5.00 off"), "Amount off") as HTMLInputElement).value).toBe("5.00");

    await click(byRole(c, "button", "Add reward"));
    await type(byLabel(card(c, "New reward"), "Name"), "15% for Gold");
    const gold = card(c, "15% for Gold");
    await type(byLabel(gold, "Reward ID"), "gold-15");
    await select(byLabel(gold, "Kind"), "percentOff");
    await type(byLabel(gold, "Percent off"), "150");
    expect(descriptionOf(byLabel(gold, "Percent off"))).toContain("Enter a whole percentage from 1 to 100");
    await click(saveBarButton(c, "Save"));
    await settle();
    expect(c.textContent).toContain("Nothing was saved");
    expect(shop.of("KinshipAdminUpdateProgram")).toHaveLength(0);

    await type(byLabel(gold, "Percent off"), "15");
    await type(byLabel(gold, "Cost in points"), "1500");
    await select(byLabel(gold, "Minimum tier"), "gold");
    await click(saveBarButton(c, "Save"));
    await until(() => expect(toasts.at(-1)?.message).toBe("Loyalty program saved (version 2)"));
    expect((await shop.config()).rewards).toEqual([
      { ...rewards.fiveOff, enabled: true },
      { id: "gold-15", name: "15% for Gold", cost: 1500, kind: "percentOff", value: 15, minTier: "gold", enabled: true },
    ]);
  });
});

describe("<MemberPricesScreen> (Shopify admin)", () => {
  it("limits a member price to some products with a fixed price and saves it; a bad amount blocks saving", async () => {
    const shop = await openShop(files.engine, { config: programConfig({ benefits: [benefits.silverTenPercent] }) });
    const c = await screen(<MemberPricesScreen />, shop.client, "Member prices", "Add member price");
    const silver = card(c, "Silver: 10% off");
    expect((byLabel(silver, "Percent off") as HTMLInputElement).value).toBe("10");

    await select(byLabel(silver, "Applies to"), "productIds");
    await type(
      byLabel(card(c, "Silver: 10% off"), "Product IDs"),
      "gid://shopify/Product/1\ngid://shopify/Product/2, gid://shopify/Product/1",
    );
    await select(byLabel(silver, "Discount"), "fixedPrice");
    const price = byLabel(card(c, "Silver: 10% off"), "Member price");
    await type(price, "19.999");
    expect(descriptionOf(price)).toContain("USD amounts have at most 2 decimals");
    await click(saveBarButton(c, "Save"));
    await settle();
    expect(shop.of("KinshipAdminUpdateProgram")).toHaveLength(0);

    await type(price, "19.90");
    await click(saveBarButton(c, "Save"));
    await until(() => expect(toasts.at(-1)?.message).toBe("Loyalty program saved (version 2)"));
    expect((await shop.config()).benefits).toEqual([
      {
        ...benefits.silverTenPercent,
        scope: { productIds: ["gid://shopify/Product/1", "gid://shopify/Product/2"] },
        discount: { fixedPrice: 1990 },
      },
    ]);
  });

  it("an empty collection list is refused by the engine, its message at the field, nothing saved", async () => {
    const shop = await openShop(files.engine, { config: programConfig({ benefits: [benefits.silverTenPercent] }) });
    const c = await screen(<MemberPricesScreen />, shop.client, "Member prices", "Add member price");
    await select(byLabel(card(c, "Silver: 10% off"), "Applies to"), "collectionIds");
    await click(saveBarButton(c, "Save"));
    await until(() => expect(c.textContent).toContain("The program was not saved"));
    const ids = byLabel(card(c, "Silver: 10% off"), "Collection IDs");
    expect(descriptionOf(ids)).toContain("expected array to have >=1 items");
    expect(ids.getAttribute("aria-invalid")).toBe("true");
    expect(c.textContent).toContain("Member price “Silver: 10% off” › scope › collectionIds");
    expect(await shop.version()).toBe(1);
  });
});
