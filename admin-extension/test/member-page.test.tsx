// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { programConfig } from "../../test/support/program-fixture.ts";
import { CustomerLoyaltyWidget, MemberPage } from "../medusa/index.ts";
import { byLabel, byRole, choose, click, descriptionOf, nameOf, rowsOf, termsOf, type } from "./support/dom.ts";
import { shopForFile } from "./support/engine.ts";
import { seedMembers } from "./support/members.ts";
import { render, until } from "./support/render.tsx";

const files = shopForFile({ config: programConfig(), actor: "ana@shop.example" }, seedMembers);

async function memberPage(customerId: string) {
  const { container } = await render(<MemberPage customerId={customerId} />, files.shop.client);
  await until(() => expect(container.textContent).toMatch(/Points available|Not a loyalty member yet/));
  return container;
}

const tierOf = (c: HTMLElement) => c.querySelector("h1")?.closest("div.flex-wrap")?.querySelector("[data-tier]")?.getAttribute("data-tier");

describe("<MemberPage>", () => {
  it("shows the member's name, tier, balances, growth, no override and their ledger", async () => {
    const c = await memberPage("cus_ADA");
    expect(c.querySelector("h1")?.textContent).toBe("Ada Lovelace");
    expect(tierOf(c)).toBe("gold");
    expect(termsOf(c)).toMatchObject({
      "Points available": "2,500",
      "Points pending": "0",
      Growth: "2,500",
      "Next tier": "Top tier reached",
    });
    expect(c.querySelector("[data-override]")?.textContent).toContain("None: the tier follows the member's growth.");
    await until(() => expect(rowsOf(byRole(c, "table", "Points history, newest first"))).toHaveLength(1));
    expect(rowsOf(byRole(c, "table", "Points history, newest first"))[0]?.slice(1)).toEqual([
      "Earned",
      "+2,500",
      "1 point per currency unit",
      "Automatic",
      "o-cus_ADA",
    ]);
  });

  it("an owner holds Bob in Gold until a date with a reason; the reason is required; then removes the override", async () => {
    const c = await memberPage("cus_BOB");
    expect(tierOf(c)).toBe("silver");
    const form = [...c.querySelectorAll("form")].find((f) => nameOf(f) === "Override tier") as HTMLElement;

    await choose(byLabel(form, "Tier"), "Gold");
    await type(byLabel(form, "Until"), "2027-01-31");
    await click(byRole(form, "button", "Set tier"));
    expect(descriptionOf(byLabel(form, "Override reason"))).toContain("Enter a reason");
    expect(files.shop.of("KinshipAdminOverrideTier")).toEqual([]);

    await type(byLabel(form, "Override reason"), "Launch partner VIP");
    await click(byRole(form, "button", "Set tier"));
    await until(() => expect(tierOf(c)).toBe("gold"));
    expect(files.shop.of("KinshipAdminOverrideTier")[0]?.variables).toMatchObject({
      customerId: "cus_BOB",
      tier: "gold",
      until: "2027-02-01T00:00:00.000Z",
      reason: "Launch partner VIP",
    });
    await until(() => expect(c.querySelector("[data-override]")?.getAttribute("data-override")).toBe("gold"));
    expect(c.querySelector("[data-override]")?.textContent).toMatch(
      /Gold until .*2027, set by ana@shop\.example on .*: “Launch partner VIP”/,
    );
    expect(byRole(form, "status").textContent).toBe("Tier set to Gold until 2027-01-31.");

    await type(byLabel(form, "Override reason"), "Partnership ended");
    await click(byRole(form, "button", "Remove override"));
    await until(() => expect(c.querySelector("[data-override]")?.getAttribute("data-override")).toBe("none"));
    // Without the hold his tier follows growth again, under the usual grace days (so not at once).
    expect(byRole(form, "status").textContent).toBe("Tier override removed.");
    expect(files.shop.of("KinshipAdminOverrideTier")[1]?.variables).toMatchObject({ tier: null, until: null, reason: "Partnership ended" });
  });

  it("a manual adjustment from the member page lands in the ledger (the widget's form, reused)", async () => {
    const c = await memberPage("cus_CY");
    await type(byLabel(c, "Points"), "25");
    await type(byLabel(c, "Reason"), "Birthday gift");
    await click(byRole(c, "button", "Adjust points"));
    await until(() => expect(termsOf(c)["Points available"]).toBe("125"));
    await until(() =>
      expect(rowsOf(byRole(c, "table", "Points history, newest first"))[0]?.slice(1, 5)).toEqual([
        "Adjustment",
        "+25",
        "Birthday gift",
        "ana@shop.example",
      ]),
    );
  });

  it("a customer who is not a member: a clear empty state, and crediting points is offered", async () => {
    const c = await memberPage("cus_NOBODY");
    expect(c.querySelector("[data-empty-state]")?.textContent).toContain("Not a loyalty member yet");
    expect(byRole(c, "button", "Adjust points")).toBeTruthy();
    expect(c.querySelector("[data-override]")).toBeNull();
  });

  it("the customer page's loyalty card links to the member page", async () => {
    const { container: c } = await render(<CustomerLoyaltyWidget customerId="cus_ADA" />, files.shop.client);
    await until(() => expect(c.textContent).toContain("Points available"));
    const link = [...c.querySelectorAll("a")].find((a) => a.textContent === "Open member page");
    expect(link?.getAttribute("href")).toBe("/loyalty/members/cus_ADA");
  });
});
