import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../plugin/app/src/main.ts";
import { ARTIFACTS, type DemoServer, demoServer, launchChromium, seriousViolations } from "./support.ts";

/**
 * The membership widgets on the demo storefront (the app's seed: Grace bought Kinship Plus, then a
 * coat at the member price with free shipping) in Chromium: the React widgets and the launcher panel.
 */
let browser: Browser;
let app: RunningApp;
let server: DemoServer | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  server = await demoServer("browser_membership", "launcher.js");
  app = server.app;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`${app.url}${path}`);
  await page.waitForFunction(() => document.querySelectorAll("[aria-busy]").length === 0, undefined, { timeout: 15_000 });
  return page;
}

describe("membership widgets on the demo storefront in Chromium", () => {
  it("the paying member sees what Plus saved them against its fee, the parts on expand, that Gold is paid", async () => {
    const page = await open("/demo");
    const membership = page.locator("section.kinship-membership");
    await membership.locator("summary").waitFor({ timeout: 15_000 });
    expect(await membership.locator("summary").textContent()).toBe("You saved $34.30 on a $99.00 membership");
    await membership.locator("summary").click();
    expect(await membership.locator("dl").innerText()).toContain("Member prices\n$28.35");
    expect(await membership.locator("dl").innerText()).toContain("Free shipping\n$5.95");
    expect(await membership.locator(".kinship-membership__status").textContent()).toMatch(/^Active, renews on \w{3} \d{1,2}, \d{4}$/);
    expect(await membership.locator(".kinship-membership__tier").textContent()).toMatch(/^Gold \((paid membership|earned)\)$/);
    expect(await seriousViolations(page), "axe-core: serious or critical violations").toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "demo-membership.png"), fullPage: true });
    await page.context().close();
  });

  it("a guest is offered the plan", async () => {
    const page = await open("/demo?as=guest");
    const plan = page.locator(".kinship-membership__plan");
    await plan.waitFor({ timeout: 15_000 });
    expect(await plan.textContent()).toBe("Kinship Plus · $99.00 a yearFree shipping included");
    expect(await seriousViolations(page), "axe-core: serious or critical violations").toEqual([]);
    await page.context().close();
  });

  it("the launcher panel shows the same value", async () => {
    const page = await open("/demo");
    await page.focus("#kinship-launcher-button");
    await page.keyboard.press("Enter");
    await page.locator("#kinship-launcher-panel .kinship-launcher__body:not([aria-busy])").waitFor({ timeout: 15_000 });
    const section = page.locator('#kinship-launcher-panel section[aria-labelledby="kinship-launcher-membership"]');
    expect(await section.locator("summary").textContent()).toBe("You saved $34.30 on a $99.00 membership");
    expect(await seriousViolations(page), "axe-core: serious or critical violations (panel open)").toEqual([]);
    await page.context().close();
  });
});
