import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../plugin/app/src/main.ts";
import { ARTIFACTS, type DemoServer, demoServer, launchChromium, seriousViolations } from "./support.ts";

/**
 * The theme embed's rewards, partner perks and expiring points on the demo storefront (as
 * `npm start` serves it, on Postgres), in Debian's Chromium: a Gold member redeems and claims, and
 * a redemption whose answers are lost on the way back spends the points once.
 */
let browser: Browser;
let app: RunningApp;
let server: DemoServer | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  server = await demoServer("browser_demo_embed");
  app = server.app;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const API = "/storefront/graphql";

async function open(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`${app.url}/demo`);
  await page.locator("kinship-rewards button").first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.querySelectorAll("[aria-busy]").length === 0);
  return page;
}

/** The member's available points as <kinship-points> shows them ("1,974 points" → 1974). */
async function points(page: Page): Promise<number> {
  const text = (await page.locator("kinship-points").textContent()) ?? "";
  return Number(text.replace(/\D/g, ""));
}

describe("the theme embed's rewards and perks on the demo storefront, in Chromium", () => {
  it("a Gold member redeems a reward and claims a perk; the page shows the codes and the new balance", async () => {
    const page = await open();
    const rewards = page.locator("kinship-rewards");
    const perks = page.locator("kinship-perks");
    expect(await rewards.locator("li").count()).toBe(3);
    const before = await points(page);

    await rewards.getByRole("button", { name: "Redeem $5 off your order" }).click();
    await expect.poll(() => rewards.locator(".kinship-result").textContent()).toMatch(/^Your code: \S+$/);
    await expect.poll(() => points(page)).toBe(before - 500);
    // The list was redrawn around it: the focus is back on the button that redeemed.
    // (The points can repaint before the list's own reload does: wait for the list.)
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Redeem $5 off your order");

    // The café is claimable for Gold; the cinema's pool is empty.
    expect(await perks.locator(".kinship-blocked").allTextContents()).toEqual(["All claimed"]);
    // From the keyboard.
    await perks.getByRole("button", { name: "Claim Corner Café" }).press("Enter");
    await expect.poll(() => perks.locator(".kinship-result").textContent()).toBe("Your code: CAFE-0001");
    // Reloaded from the API: this month's claim used, the code listed.
    await expect.poll(() => perks.locator(".kinship-blocked").allTextContents()).toEqual(["Claimed", "All claimed"]);
    expect(await perks.locator(".kinship-codes").first().textContent()).toBe("Your codes: CAFE-0001");

    expect(await seriousViolations(page), "axe-core: serious or critical violations").toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "demo-embed-member.png"), fullPage: true });
    await page.context().close();
  });

  it("a redemption whose answers are lost, clicked again, is one redemption: same key, points spent once", async () => {
    const page = await open();
    const rewards = page.locator("kinship-rewards");
    const before = await points(page);
    const keys: string[] = [];
    let lost = 0;
    await page.route(`**${API}`, async (route) => {
      const body = route.request().postDataJSON() as { query: string; variables?: { key?: string } };
      if (!body.query.includes("KinshipRedeem")) return route.continue();
      keys.push(String(body.variables?.key));
      // The first request and the embed's two automatic resends reach the server; their answers are dropped.
      if (keys.length > 3) return route.continue();
      await route.fetch();
      lost++;
      await route.abort("connectionreset");
    });

    await rewards.getByRole("button", { name: "Redeem Free shipping" }).click();
    // After the embed's resends (RETRY_MS, then twice that) have all lost their answers.
    await expect
      .poll(() => rewards.locator(".kinship-result").textContent(), { timeout: 15_000 })
      .toBe("Could not redeem this reward. Please try again.");
    expect(lost).toBe(3);

    await rewards.getByRole("button", { name: "Redeem Free shipping" }).click();
    await expect.poll(() => rewards.locator(".kinship-result").textContent()).toMatch(/^Your code: \S+$/);
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(1);
    // Free shipping costs 300: spent once, though four requests reached the server.
    await expect.poll(() => points(page)).toBe(before - 300);

    expect(await seriousViolations(page), "axe-core: serious or critical violations").toEqual([]);
    await page.context().close();
  });
});
