import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../plugin/app/src/main.ts";
import { ARTIFACTS, type DemoServer, demoServer, launchChromium, seriousViolations } from "./support.ts";

/**
 * Badges, the stamp card and the birthday form on the demo storefront (the app's seed: a coffee
 * stamp card, "First order" and "Big spender" badges; the member's coat order after them) in Chromium.
 */
let browser: Browser;
let app: RunningApp;
let server: DemoServer | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  server = await demoServer("browser_campaigns", "launcher.js");
  app = server.app;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("badges, stamp cards and the birthday on the demo storefront in Chromium", () => {
  it("the member's badges and stamp card; the birthday is set once, then locked", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${app.url}/demo`);
    const badges = page.locator("section.kinship-badges");
    await badges.locator(".kinship-badges__badge").first().waitFor({ timeout: 15_000 });
    expect(await badges.locator(".kinship-badges__badge > span:first-child").allTextContents()).toContain("🛍️First order");
    const stamps = page.locator("section.kinship-stamps");
    expect(await stamps.locator(".kinship-stamps__card > span").first().textContent()).toBe("Coffee card");
    expect(await stamps.locator(".kinship-stamps__progress").textContent()).toMatch(/^\d of 5$/);
    expect(await seriousViolations(page), "axe-core: serious or critical violations").toEqual([]);

    const birthday = page.locator("section.kinship-birthday");
    await birthday.getByLabel("Date of birth").fill("1990-02-28");
    await birthday.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => birthday.locator(".kinship-birthday__result").textContent()).toBe("Thank you! Your birthday is saved.");
    await expect.poll(() => birthday.locator(".kinship-birthday__set").textContent()).toBe("Birthday: Feb 28, 1990");
    await page.screenshot({ path: join(ARTIFACTS, "demo-campaigns.png"), fullPage: true });

    // Set: after a reload it is shown, no form.
    await page.reload();
    await birthday.locator(".kinship-birthday__set").waitFor({ timeout: 15_000 });
    expect(await birthday.locator("form").count()).toBe(0);
    await context.close();
  });

  it("the launcher panel shows the badges and the stamp card too, and passes axe", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${app.url}/demo`);
    await page.waitForFunction(() => document.querySelectorAll("kinship-price[aria-busy]").length === 0, undefined, { timeout: 15_000 });
    await page.focus("#kinship-launcher-button");
    await page.keyboard.press("Enter");
    const dialog = page.locator("#kinship-launcher-panel");
    await dialog.locator(".kinship-launcher__body:not([aria-busy])").waitFor({ timeout: 15_000 });
    expect(await dialog.locator(".kinship-launcher__pill").allTextContents()).toContain("🛍️First order");
    expect(await dialog.locator(".kinship-launcher__stamps").first().textContent()).toMatch(/^Coffee card[●○]{5}\d of 5/);
    // Set by the test before: shown, no form.
    const birthday = dialog.locator('section[aria-labelledby="kinship-launcher-birthday"]');
    expect(await birthday.textContent()).toBe("Your birthdayBirthday: Feb 28, 1990");
    expect(await seriousViolations(page), "axe-core: serious or critical violations (panel open)").toEqual([]);
    await context.close();
  });
});
