// @vitest-environment happy-dom
import { defaultProgramConfig } from "@kinship/engine";
import { describe, expect, it } from "vitest";
import { programConfig } from "../../../test/support/program-fixture.ts";
import { TiersScreen } from "../../shopify/screens/tiers.tsx";
import { byLabel, byRole, click, descriptionOf, type } from "../support/dom.ts";
import { engineForFile } from "../support/engine.ts";
import { card, renderScreen, saveBarButton, toasts } from "../support/polaris.tsx";
import { settle, until } from "../support/render.tsx";
import { adjust, NOW, openShop, type Shop } from "../support/shop.ts";

const files = engineForFile();

async function tiers(shop: Shop) {
  const { container } = await renderScreen(<TiersScreen />, shop.client);
  await until(() => expect(container.querySelector("h1")?.textContent).toBe("Tiers"));
  await until(() => expect(container.querySelectorAll("section[data-item=tier]")).toHaveLength(3));
  return container;
}

describe("<TiersScreen> (Shopify admin)", () => {
  it("a threshold below the previous tier's shows the engine's message at the field and saves nothing", async () => {
    const shop = await openShop(files.engine, { config: programConfig() });
    const c = await tiers(shop);
    const threshold = byLabel(card(c, "Gold"), "Growth threshold");
    expect((threshold as HTMLInputElement).value).toBe("2000");

    await type(threshold, "100");
    await click(saveBarButton(c, "Save"));
    await until(() => expect(descriptionOf(threshold)).toContain("tier thresholds must increase"));
    expect(threshold.getAttribute("aria-invalid")).toBe("true");
    expect(c.textContent).toContain("Tier “Gold” › threshold: tier thresholds must increase");
    expect(toasts.at(-1)).toEqual({ message: "The program was not saved", isError: true });
    expect(await shop.version()).toBe(1);
    expect((await shop.config()).tiers).toEqual(defaultProgramConfig("USD").tiers);
  });

  it("text that is not a number is marked at the field and nothing is sent", async () => {
    const shop = await openShop(files.engine, { config: programConfig() });
    const c = await tiers(shop);
    const threshold = byLabel(card(c, "Silver"), "Growth threshold");
    await type(threshold, "five hundred");
    expect(descriptionOf(threshold)).toContain("Enter a whole number, like 500");
    await type(byLabel(card(c, "Silver"), "Name"), "Argent");
    await click(saveBarButton(c, "Save"));
    await settle();
    expect(c.textContent).toContain("Nothing was saved");
    expect(shop.of("KinshipAdminUpdateProgram")).toHaveLength(0);
    expect(await shop.version()).toBe(1);
  });

  it("adds a tier, saves it through the save bar, and a toast names the new version", async () => {
    const shop = await openShop(files.engine, { config: programConfig() });
    const c = await tiers(shop);
    await click(byRole(c, "button", "Add tier"));
    const added = card(c, "New tier");
    await type(byLabel(added, "Name"), "Platinum");
    await type(byLabel(card(c, "Platinum"), "Key"), "platinum");
    await type(byLabel(card(c, "Platinum"), "Growth threshold"), "5000");
    await click(saveBarButton(c, "Save"));
    await until(() => expect(toasts.at(-1)).toEqual({ message: "Loyalty program saved (version 2)", isError: false }));
    expect(await shop.version()).toBe(2);
    const saved = (await shop.config()).tiers as { key: string; threshold: number }[];
    expect(saved.map((t) => [t.key, t.threshold])).toEqual([
      ["member", 0],
      ["silver", 500],
      ["gold", 2000],
      ["platinum", 5000],
    ]);
  });

  it("previews who would move while a threshold is edited, before anything is saved", async () => {
    const shop = await openShop(files.engine, { config: programConfig() });
    for (const [customer, growth] of [
      ["c-600", 600],
      ["c-1500", 1500],
      ["c-2500", 2500],
    ] as const)
      await shop.apply(adjust(customer, 0, { growth, reason: "seed" }));
    const c = await tiers(shop);
    expect(c.querySelector("[data-preview]")).toBeNull();

    await type(byLabel(card(c, "Gold"), "Growth threshold"), "1000");
    await until(
      () => expect(c.querySelector("[data-preview] [role=status]")?.textContent).toContain("1 member would move up, 0 down."),
      400,
    );
    const preview = c.querySelector("[data-preview]") as HTMLElement;
    expect(preview.textContent).toContain("Gold: 1 → 2");
    expect(preview.textContent).toContain("Silver: 2 → 1");
    expect(shop.of("KinshipAdminTierPreview").at(-1)?.variables.tiers).toMatchObject([
      { key: "member", threshold: 0 },
      { key: "silver", threshold: 500 },
      { key: "gold", threshold: 1000 },
    ]);
    expect(shop.of("KinshipAdminUpdateProgram")).toHaveLength(0);
    expect(await shop.version()).toBe(1);
  });

  it("another owner's save in between is a conflict: a banner with a reload, nothing overwritten", async () => {
    const shop = await openShop(files.engine, { config: programConfig() });
    const c = await tiers(shop);
    const theirs = programConfig();
    theirs.tiers = theirs.tiers.map((t) => (t.key === "silver" ? { ...t, name: "Argent" } : t));
    expect((await shop.engine.updateConfig(shop.program, theirs, "other-owner@shop.example", NOW)).ok).toBe(true);

    await type(byLabel(card(c, "Gold"), "Name"), "Or");
    await click(saveBarButton(c, "Save"));
    const banner = await until(() => {
      const found = c.querySelector<HTMLElement>("[data-code=ConfigConflict]");
      expect(found?.textContent).toContain("Someone else saved the program since you opened it");
    }).then(() => c.querySelector<HTMLElement>("[data-code=ConfigConflict]") as HTMLElement);
    expect(await shop.version()).toBe(2);
    expect(((await shop.config()).tiers as { name: string }[]).map((t) => t.name)).toEqual(["Member", "Argent", "Gold"]);

    await click(byRole(banner, "button", "Reload their version"));
    await until(() => expect(c.querySelector("[data-code=ConfigConflict]")).toBeNull());
    await until(() => card(c, "Argent"));
    expect((byLabel(card(c, "Gold"), "Name") as HTMLInputElement).value).toBe("Gold");
  });
});
