// @vitest-environment happy-dom
import { defaultProgramConfig, type ProgramConfigInput } from "@kinship/engine";
import { describe, expect, it } from "vitest";
import { LoyaltySettingsPage } from "../medusa/index.ts";
import { allByRole, byLabel, byRole, choose, click, descriptionOf, group, openTab, rowsOf, type } from "./support/dom.ts";
import { engineForFile } from "./support/engine.ts";
import { render, settle, until } from "./support/render.tsx";
import { adjust, NOW, openShop, type Shop } from "./support/shop.ts";

const files = engineForFile();

/** Gold members get a café code a month (the merchant pays 1.50 a code); anyone gets one cinema ticket ever (7.00). */
const cafe = {
  key: "cafe",
  name: "Corner Café",
  perk: "A free coffee",
  minTier: "gold",
  claimLimit: { count: 1, period: "month" as const },
  settlementPrice: 150,
  enabled: true,
};
const cinema = {
  key: "cinema",
  name: "Lux Cinema",
  perk: "One ticket",
  claimLimit: { count: 1, period: "lifetime" as const },
  settlementPrice: 700,
  enabled: true,
};

function program(partners: ProgramConfigInput["partners"] = [cafe]): ProgramConfigInput {
  return { ...defaultProgramConfig("USD"), partners };
}

async function partnersTab(shop: Shop) {
  const { container } = await render(<LoyaltySettingsPage />, shop.client);
  await until(() => expect(container.querySelector("h1")?.textContent).toBe("Loyalty program"));
  await openTab(container, "Partners");
  return container;
}

async function save(c: HTMLElement) {
  await click(byRole(c, "button", "Save"));
  await settle();
}

const stockOf = (card: HTMLElement) => card.querySelector("[data-stock]")?.textContent;
const importStatusOf = (card: HTMLElement) => card.querySelector("[role=status]")?.textContent;

/** Every partner's [imported, left, claimed] from the engine itself, over all of 2026. */
async function pools(shop: Shop) {
  const from = new Date("2026-01-01T00:00:00Z");
  const result = await files.engine.partners.settlement({ program: shop.program, from, to: new Date("2027-01-01T00:00:00Z") });
  if (!result.ok) throw new Error(result.error.message);
  return Object.fromEntries(result.value.map((s) => [s.partner, [s.codesImported, s.codesLeft, s.claimed]]));
}

describe("<LoyaltySettingsPage> partners", () => {
  it("an owner adds a partner and fills every field; Save puts exactly that in the engine's config and opens its code pool", async () => {
    const shop = await openShop(files.engine, { config: program() });
    const c = await partnersTab(shop);
    await click(byRole(c, "button", "Add partner"));
    const added = group(c, "New partner");
    expect(added.textContent).toContain("Save the program to import perk codes for this partner.");
    await type(byLabel(added, "Name"), "Lux Cinema");
    const lux = group(c, "Lux Cinema");
    await type(byLabel(lux, "Partner key"), "lux");
    await type(byLabel(lux, "What members get"), "One free ticket");
    await choose(byLabel(lux, "Minimum tier"), "Silver");
    await type(byLabel(lux, "Claims per member"), "2");
    await choose(byLabel(lux, "Claim period"), "Per month");
    await type(byLabel(lux, "Settlement price per code (USD)"), "7.5");
    await click(byLabel(lux, "Enabled"));
    await save(c);
    await until(async () => expect(await shop.version()).toBe(2));

    expect((await shop.config()).partners).toEqual([
      cafe,
      {
        key: "lux",
        name: "Lux Cinema",
        perk: "One free ticket",
        minTier: "silver",
        claimLimit: { count: 2, period: "month" },
        settlementPrice: 750,
        enabled: false,
      },
    ]);
    await until(() => expect(stockOf(group(c, "Lux Cinema"))).toBe("0 of 0 codes left"));
    expect(byLabel(group(c, "Lux Cinema"), "Perk codes, one per line").tagName).toBe("TEXTAREA");
  });

  it("a duplicate partner key shows the engine's issue at both key fields and saves nothing; a removed tier is flagged at the minimum tier", async () => {
    const shop = await openShop(files.engine, { config: program() });
    const c = await partnersTab(shop);
    await click(byRole(c, "button", "Add partner"));
    const added = group(c, "New partner");
    await type(byLabel(added, "Partner key"), "cafe");
    await type(byLabel(added, "What members get"), "Another coffee");
    await save(c);

    const key = byLabel(added, "Partner key");
    await until(() => expect(descriptionOf(key)).toContain("duplicate partner key cafe"));
    expect(key.getAttribute("aria-invalid")).toBe("true");
    expect(descriptionOf(byLabel(group(c, "Corner Café"), "Partner key"))).toContain("duplicate partner key cafe");
    expect(byRole(c, "tab", /^Partners/).textContent).toBe("Partners (1 issue)");
    const summary = allByRole(c, "alert").find((a) => a.textContent?.startsWith("The program was not saved"));
    expect(summary?.textContent).toContain("Partners: duplicate partner key cafe");
    expect(await shop.version()).toBe(1);
    expect((await shop.config()).partners).toEqual([cafe]);

    // Without Gold, the café's minimum tier names no tier: the page opens the Partners tab at that field.
    await click(byRole(c, "button", "Remove New partner"));
    await openTab(c, "Tiers");
    await click(byRole(c, "button", "Remove Gold"));
    await save(c);
    const minTier = byLabel(group(c, "Corner Café"), "Minimum tier");
    await until(() => expect(descriptionOf(minTier)).toContain("unknown tier gold"));
    expect(byRole(c, "tab", /^Partners/).getAttribute("aria-selected")).toBe("true");
    expect(minTier.textContent).toContain("gold (no such tier)");
    expect(await shop.version()).toBe(1);
  });

  it("codes pasted with a blank line and a repeat are imported once each, with the counts; a code with a space imports nothing", async () => {
    const shop = await openShop(files.engine, { config: program() });
    const c = await partnersTab(shop);
    const card = group(c, "Corner Café");
    const codes = byLabel(card, "Perk codes, one per line") as HTMLTextAreaElement;
    await until(() => expect(stockOf(card)).toBe("0 of 0 codes left"));

    await type(codes, " CAFE-1\nCAFE-2\n\nCAFE-2\n");
    await click(byRole(card, "button", "Import codes"));
    await until(() => expect(importStatusOf(card)).toBe("Added 2 codes; 0 were already there."));
    expect(codes.value).toBe("");
    await until(() => expect(stockOf(card)).toBe("2 of 2 codes left"));

    await type(codes, "CAFE-2\r\nCAFE-3");
    await click(byRole(card, "button", "Import codes"));
    await until(() => expect(importStatusOf(card)).toBe("Added 1 code; 1 was already there."));
    await until(() => expect(stockOf(card)).toBe("3 of 3 codes left"));
    expect(await pools(shop)).toEqual({ cafe: [3, 3, 0] });
    // the lines go as pasted, so the engine's "code N" is line N
    expect(shop.of("KinshipAdminImportPerkCodes").map((r) => r.variables)).toEqual([
      { partner: "cafe", codes: [" CAFE-1", "CAFE-2", "", "CAFE-2", ""] },
      { partner: "cafe", codes: ["CAFE-2", "CAFE-3"] },
    ]);

    await type(codes, "CAFE-4\nBAD CODE");
    await click(byRole(card, "button", "Import codes"));
    const refused = await (async () => {
      let alert: HTMLElement | undefined;
      await until(() => {
        alert = allByRole(card, "alert").find((a) => a.dataset.code === "InvalidPerkCodes");
        expect(alert).toBeDefined();
      });
      return alert as HTMLElement;
    })();
    expect(refused.textContent).toContain("No codes were imported");
    expect([...refused.querySelectorAll("li")].map((li) => li.textContent)).toEqual(["code 2 contains whitespace"]);
    expect(importStatusOf(card)).toBe("");
    expect(codes.value).toBe("CAFE-4\nBAD CODE");
    expect(stockOf(card)).toBe("3 of 3 codes left");
    expect(await pools(shop)).toEqual({ cafe: [3, 3, 0] });
  });

  it("the settlement for a chosen month: codes claimed, price per code, amount due and codes left, after members claimed perks", async () => {
    const shop = await openShop(files.engine, { config: program([cafe, cinema]) });
    const put = async (partner: string, codes: string[]) => {
      const r = await files.engine.partners.importCodes({ program: shop.program, partner, codes, actor: "setup", now: NOW });
      if (!r.ok) throw new Error(r.error.message);
    };
    await put("cafe", ["C1", "C2", "C3", "C4"]);
    await put("cinema", ["T1", "T2"]);
    await shop.apply(adjust("ada", 0, { growth: 2500 }));
    await shop.apply(adjust("bob", 0, { growth: 2500 }));
    const claim = async (customerId: string, partner: string, at: string) => {
      const r = await files.engine.partners.claim({
        program: shop.program,
        customerId,
        partner,
        key: `${customerId}-${partner}-${at}`,
        now: new Date(at),
      });
      if (!r.ok) throw new Error(r.error.message);
    };
    await claim("ada", "cafe", "2026-06-10T09:00:00Z");
    await claim("bob", "cafe", "2026-06-30T23:59:00Z");
    await claim("ada", "cinema", "2026-06-15T18:00:00Z");
    await claim("ada", "cafe", "2026-07-01T00:00:00Z");

    const c = await partnersTab(shop);
    await type(byLabel(c, "Settlement month"), "2026-06");
    await until(() =>
      expect(rowsOf(byRole(c, "table", "Partner settlement, June 2026"))).toEqual([
        ["Corner Café", "2", "$1.50", "$3.00", "1"],
        ["Lux Cinema", "1", "$7.00", "$7.00", "1"],
      ]),
    );
    expect(c.textContent).toContain("Total due for June 2026: $10.00");
    expect(shop.of("KinshipAdminPartners").at(-1)?.variables).toEqual({ from: "2026-06-01T00:00:00.000Z", to: "2026-07-01T00:00:00.000Z" });
    expect(stockOf(group(c, "Corner Café"))).toBe("1 of 4 codes left");

    await type(byLabel(c, "Settlement month"), "2026-07");
    await until(() =>
      expect(rowsOf(byRole(c, "table", "Partner settlement, July 2026"))).toEqual([
        ["Corner Café", "1", "$1.50", "$1.50", "1"],
        ["Lux Cinema", "0", "$7.00", "$0.00", "1"],
      ]),
    );
  });
});
