import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../plugin/app/src/main.ts";
import { ARTIFACTS, DEMO_MEMBER_POINTS, type DemoServer, demoServer, launchChromium, seriousViolations } from "./support.ts";

/**
 * The launcher app embed on the demo storefront (`npm start`'s server on Postgres) in Debian's
 * Chromium: the button is there from the start, the panel's script only comes on the first open.
 */
let browser: Browser;
let app: RunningApp;
let server: DemoServer | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  server = await demoServer("browser_launcher", "launcher.js");
  app = server.app;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const BUTTON = "#kinship-launcher-button";
const DIALOG = "#kinship-launcher-panel";

interface Visit {
  page: Page;
  /** Paths of the widget scripts the page asked for, in order. */
  scripts: string[];
}

async function visit(path: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on("request", (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.startsWith("/widgets/")) scripts.push(pathname);
  });
  await page.goto(`${app.url}${path}`, { waitUntil: "networkidle" });
  // The embed has drawn the page (prices in), so anything the page loads up front has been asked for.
  await page.waitForFunction(() => document.querySelectorAll("kinship-price[aria-busy]").length === 0);
  return { page, scripts };
}

/** Opens the launcher from the keyboard: focus on the button, Enter. */
async function openByKeyboard(page: Page) {
  await page.focus(BUTTON);
  await page.keyboard.press("Enter");
  await page.locator(DIALOG).waitFor({ state: "visible" });
  await page.locator(`${DIALOG} .kinship-launcher__body:not([aria-busy])`).waitFor({ timeout: 15_000 });
}

const focusInDialog = (page: Page) =>
  page.evaluate((sel) => document.querySelector(sel)?.contains(document.activeElement) ?? false, DIALOG);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

describe("the launcher on the demo storefront in Chromium", () => {
  it("a member: nothing of the panel is loaded until the first open; opened by keyboard, it shows tier and points, holds focus, closes on Escape", async () => {
    const { page, scripts } = await visit("/demo");
    const button = page.locator(BUTTON);
    expect(await button.isVisible()).toBe(true);
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    expect(scripts).toContain("/widgets/launcher-loader.js");
    expect(scripts).not.toContain("/widgets/launcher.js");

    await openByKeyboard(page);
    expect(scripts.filter((s) => s === "/widgets/launcher.js")).toHaveLength(1);
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    expect(await focusInDialog(page)).toBe(true);

    const dialog = page.getByRole("dialog", { name: "Kinship rewards" });
    expect(await dialog.getAttribute("aria-modal")).toBe("true");
    expect(await dialog.locator(".kinship-launcher__tier").textContent()).toBe("Gold member");
    expect(await dialog.locator(".kinship-launcher__points").textContent()).toBe(DEMO_MEMBER_POINTS);
    expect(await dialog.getByRole("heading", { name: "Ways to earn" }).count()).toBe(1);
    expect(await dialog.locator(".kinship-launcher__earn").count()).toBeGreaterThan(0);
    expect(await dialog.getByRole("button", { name: "Redeem" }).count()).toBeGreaterThan(0);
    expect(await dialog.locator(".kinship-launcher__referral input").inputValue()).toMatch(/\/demo\?ref=[\w-]{12}$/);
    expect(await dialog.getByText("Corner Café").count()).toBe(1);

    // Focus stays inside however far the shopper tabs, forwards or back.
    const stops = (await dialog.locator("a[href], button:not([disabled]), input").count()) + 2;
    for (let i = 0; i < stops; i++) {
      await page.keyboard.press("Tab");
      expect(await focusInDialog(page)).toBe(true);
    }
    for (let i = 0; i < stops; i++) {
      await page.keyboard.press("Shift+Tab");
      expect(await focusInDialog(page)).toBe(true);
    }

    expect(await seriousViolations(page), "axe-core: serious or critical violations (panel open)").toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "launcher-member.png") });

    await page.keyboard.press("Escape");
    await page.locator(DIALOG).waitFor({ state: "hidden" });
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    expect(await focusedId(page)).toBe("kinship-launcher-button");

    // Opened again: no second download.
    await page.keyboard.press("Enter");
    await page.locator(DIALOG).waitFor({ state: "visible" });
    expect(await focusInDialog(page)).toBe(true);
    expect(scripts.filter((s) => s === "/widgets/launcher.js")).toHaveLength(1);
    await page.context().close();
  });

  it("a guest sees the join invitation, nothing to redeem, and the page passes axe with the panel closed and open", async () => {
    const { page, scripts } = await visit("/demo?as=guest");
    expect(scripts).not.toContain("/widgets/launcher.js");
    expect(await seriousViolations(page), "axe-core: serious or critical violations (panel closed)").toEqual([]);

    await openByKeyboard(page);
    const dialog = page.getByRole("dialog");
    expect(await dialog.getByRole("heading", { name: "Join Kinship rewards" }).count()).toBe(1);
    expect(await dialog.getByRole("link", { name: "Create an account" }).getAttribute("href")).toBe("/demo");
    expect(await dialog.getByRole("link", { name: "Sign in" }).count()).toBe(1);
    expect(await dialog.locator(".kinship-launcher__points, [role=progressbar], .kinship-launcher__referral").count()).toBe(0);
    expect(await dialog.getByRole("button", { name: "Redeem" }).count()).toBe(0);
    expect(await focusInDialog(page)).toBe(true);

    expect(await seriousViolations(page), "axe-core: serious or critical violations (panel open)").toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "launcher-guest.png") });

    await page.keyboard.press("Escape");
    await page.locator(DIALOG).waitFor({ state: "hidden" });
    expect(await focusedId(page)).toBe("kinship-launcher-button");
    await page.context().close();
  });
});
