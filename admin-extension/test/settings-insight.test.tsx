// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { programConfig } from "../../test/support/program-fixture.ts";
import { LoyaltySettingsPage } from "../medusa/index.ts";
import { allByRole, byLabel, byRole, click, group, openTab, type } from "./support/dom.ts";
import { shopForFile } from "./support/engine.ts";
import { seedMembers } from "./support/members.ts";
import { render, until } from "./support/render.tsx";

const files = shopForFile({ config: programConfig() }, seedMembers);

async function settings() {
  const { container } = await render(<LoyaltySettingsPage />, files.shop.client);
  await until(() => expect(container.querySelector("h1")?.textContent).toBe("Loyalty program"));
  return container;
}

describe("the tier preview and the rule try-out", () => {
  it("lowering Silver to 50 growth previews, before saving, 1 member moving up and each tier's count", async () => {
    const c = await settings();
    await openTab(c, "Tiers");
    const tiers = byRole(c, "tabpanel", "Tiers");
    expect(tiers.querySelector("[data-tier-preview]")).toBeNull();

    await type(byLabel(group(c, "Silver"), "Growth threshold"), "50");
    await until(() =>
      expect(tiers.querySelector("[data-tier-preview]")?.textContent).toBe("1 member would move up, 0 down (of 3 members)."),
    );
    const table = byRole(tiers, "table", "Members per tier, now and after saving");
    const rows = [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    expect(rows).toEqual([
      ["Member", "1", "0", "\u22121"],
      ["Silver", "1", "2", "+1"],
      ["Gold", "1", "1", "0"],
    ]);
    // One question per pause in typing, with the draft tiers; nothing saved.
    expect(files.shop.of("KinshipAdminTierPreview").at(-1)?.variables.tiers).toEqual([
      expect.objectContaining({ key: "member", threshold: 0 }),
      expect.objectContaining({ key: "silver", threshold: 50 }),
      expect.objectContaining({ key: "gold", threshold: 2000 }),
    ]);
    expect(await files.shop.version()).toBe(1);
  });

  it("trying the earn rule on a 120.00 order for a Member shows 120 points and each check passed", async () => {
    const c = await settings();
    await openTab(c, "Earn rules");
    const rules = byRole(c, "tabpanel", "Earn rules");
    await click(allByRole(rules, "button", /^Edit /)[0] as HTMLElement);
    const form = [...rules.querySelectorAll("form")].find((f) => f.querySelector("h3")?.textContent === "Try this rule") as HTMLElement;

    await click(byRole(form, "button", "Try rule"));
    expect(byLabel(form, "Order subtotal").getAttribute("aria-invalid")).toBe("true");
    expect(files.shop.of("KinshipAdminTryRule")).toEqual([]);

    await type(byLabel(form, "Order subtotal"), "120.00");
    await type(byLabel(form, "Order date"), "2026-06-01");
    await click(byRole(form, "button", "Try rule"));
    await until(() => expect(form.querySelector("[data-rule-trial]")).not.toBeNull());
    expect(form.querySelector("[data-rule-trial] p, [data-rule-trial] > *")?.textContent).toBe(
      "This order would earn 120 points and 120 growth.",
    );
    const steps = [...byRole(form, "list", "Checks the engine made").querySelectorAll("li")].map((li) => li.textContent ?? "");
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((s) => s.startsWith("Passed"))).toBe(true);
    expect(files.shop.of("KinshipAdminTryRule")[0]?.variables).toMatchObject({
      order: { subtotal: 12000, currency: "USD", at: "2026-06-01T12:00:00.000Z" },
      tier: "member",
    });
  });
});
