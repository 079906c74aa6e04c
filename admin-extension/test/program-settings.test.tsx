// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { programConfig } from "../../test/support/program-fixture.ts";
import { LoyaltySettingsPage } from "../medusa/index.ts";
import { allByRole, byLabel, byRole, choose, click, descriptionOf, type } from "./support/dom.ts";
import { engineForFile } from "./support/engine.ts";
import { render, settle, until } from "./support/render.tsx";
import { NOW, openShop, type Shop } from "./support/shop.ts";

const files = engineForFile();

async function settings(shop: Shop) {
  const { container } = await render(<LoyaltySettingsPage />, shop.client);
  await until(() => expect(container.querySelector("h1")?.textContent).toBe("Loyalty program"));
  return container;
}

const program = (c: HTMLElement) => byRole(c, "tabpanel", "Program");

async function save(c: HTMLElement) {
  await click(byRole(c, "button", "Save"));
  await settle();
}

describe("Settings → Program", () => {
  it("an owner sets the basics: name, time zone, point value, pending days, expiry, a rolling window and grace days", async () => {
    const shop = await openShop(files.engine, { config: programConfig() });
    const c = await settings(shop);
    expect(byRole(c, "tab", "Program").getAttribute("aria-selected")).toBe("true");
    const p = program(c);
    expect((byLabel(p, "Pending days") as HTMLInputElement).value).toBe("0");

    await type(byLabel(p, "Program name"), "Club Ada");
    await type(byLabel(p, "Time zone"), "Europe/Paris");
    await type(byLabel(p, "Points"), "50");
    await type(byLabel(p, "Are worth (USD)"), "1.00");
    await type(byLabel(p, "Pending days"), "14");
    await type(byLabel(p, "Grace days"), "60");
    await choose(byLabel(p, "Points expire"), "A fixed time after they are earned");
    await type(byLabel(p, "Days after earning"), "365");
    await choose(byLabel(p, "Qualification window"), "Rolling: the last months");
    await type(byLabel(p, "Months"), "12");
    expect(p.textContent).toContain("50 points are worth 1.00 USD.");
    await save(c);

    await until(() => expect(c.querySelector("[role=status]")?.textContent).toBe("Saved as version 2."));
    const saved = await shop.config();
    expect(saved).toMatchObject({
      name: "Club Ada",
      timezone: "Europe/Paris",
      pointValue: { points: 50, money: 100 },
      pendingDays: 14,
      expiry: { kind: "afterEarn", days: 365 },
      growth: { window: { kind: "rolling", months: 12 } },
      tierPolicy: { graceDays: 60 },
    });
  });

  it("a time zone the browser does not know and pending days past 365 are refused next to their fields; nothing is sent", async () => {
    const shop = await openShop(files.engine, { config: programConfig() });
    const c = await settings(shop);
    const p = program(c);
    await type(byLabel(p, "Time zone"), "Mars/Olympus");
    await type(byLabel(p, "Pending days"), "400");
    await type(byLabel(p, "Program name"), "");
    await save(c);

    expect(descriptionOf(byLabel(p, "Time zone"))).toContain("Enter a time zone such as Europe/Paris");
    expect(descriptionOf(byLabel(p, "Pending days"))).toContain("Enter a whole number from 0 to 365");
    expect(descriptionOf(byLabel(p, "Program name"))).toContain("Enter the program's name");
    expect(byLabel(p, "Time zone").getAttribute("aria-invalid")).toBe("true");
    expect(allByRole(c, "alert").some((a) => a.textContent?.startsWith("Some fields are not valid yet"))).toBe(true);
    expect(shop.of("KinshipAdminUpdateProgram")).toEqual([]);
    expect(await shop.version()).toBe(1);
  });

  it("points expiring before they mature: the engine's issue shows under 'Days after earning' and the Program tab counts it", async () => {
    const shop = await openShop(files.engine, { config: programConfig() });
    const c = await settings(shop);
    const p = program(c);
    await type(byLabel(p, "Pending days"), "30");
    await choose(byLabel(p, "Points expire"), "A fixed time after they are earned");
    await type(byLabel(p, "Days after earning"), "20");
    await save(c);

    await until(() =>
      expect(descriptionOf(byLabel(p, "Days after earning"))).toContain("points must not expire before they become available"),
    );
    expect(byRole(c, "tab", /^Program/).textContent).toBe("Program (1 issue)");
    expect(await shop.version()).toBe(1);
  });

  it("another owner saved in between: a clear conflict with a reload, for any tab, and their version kept", async () => {
    const shop = await openShop(files.engine, { config: programConfig() });
    const c = await settings(shop);
    await type(byLabel(program(c), "Pending days"), "7");
    const theirs = await files.engine.updateConfig(shop.program, { ...programConfig(), pendingDays: 3 }, "bo@shop.example", NOW);
    expect(theirs.ok).toBe(true);
    await save(c);

    await until(() => expect(c.querySelector("[data-code=ConfigConflict]")).not.toBeNull());
    const conflict = c.querySelector("[data-code=ConfigConflict]") as HTMLElement;
    expect(conflict.getAttribute("role")).toBe("alert");
    expect(conflict.textContent).toContain("someone else saved the loyalty program after you opened it");
    expect(shop.of("KinshipAdminUpdateProgram").map((r) => r.variables.expectedVersion)).toEqual([1]);
    expect((await shop.config()).pendingDays).toBe(3);

    await click(byRole(conflict, "button", "Reload the saved program"));
    await until(() => expect((byLabel(program(c), "Pending days") as HTMLInputElement).value).toBe("3"));
    expect(c.querySelector("[data-code=ConfigConflict]")).toBeNull();
    expect(c.textContent).toContain("version 2");
    expect(c.textContent).not.toContain("unsaved changes");
  });
});
