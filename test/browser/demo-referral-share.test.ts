import type { Browser, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../plugin/app/src/main.ts";
import { type DemoServer, demoServer, launchChromium, seriousViolations } from "./support.ts";

/**
 * The referral program on the demo storefront (the app's seed turns it on) in Chromium: the
 * member's code and link with the offer, and their browser recorded once per session.
 */
let browser: Browser;
let app: RunningApp;
let server: DemoServer | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  server = await demoServer("browser_referral_share", "widgets.js");
  app = server.app;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("referral share on the demo storefront in Chromium", () => {
  it("the member's code, link and the offer; their browser recorded once per session, with the device id", async () => {
    const context = await browser.newContext({ locale: "en-US", permissions: ["clipboard-read", "clipboard-write"] });
    const sessions: string[] = [];
    context.on("request", (r: Request) => {
      if (new URL(r.url()).pathname === "/storefront/graphql" && (r.postData() ?? "").includes("KinshipRecordSession"))
        sessions.push(r.postDataJSON().variables.d);
    });
    const page = await context.newPage();
    await page.goto(`${app.url}/demo`);
    const share = page.locator("section.kinship-referral");
    await share.locator(".kinship-referral__code").waitFor({ timeout: 15_000 });
    expect(await share.locator(".kinship-referral__offer").textContent()).toBe(
      "Friends get $10.00 off with their first order; you earn 500 points.",
    );
    const code = (await share.locator(".kinship-referral__code code").textContent()) ?? "";
    expect(code).toMatch(/^[\w-]{4,64}$/);
    const link = await share.locator("input").inputValue();
    expect(link.endsWith(`?ref=${code}`)).toBe(true);
    expect(await share.locator(".kinship-referral__counts").textContent()).toBe("0 paid, 0 pending · 0 points earned");
    await share.getByRole("button", { name: "Copy link" }).click();
    await expect.poll(() => share.locator(".kinship-referral__result").textContent()).toBe("Link copied");
    expect(await seriousViolations(page), "axe-core: serious or critical violations").toEqual([]);

    const device = (await context.cookies()).find((c) => c.name === "kinship_device")?.value;
    await expect.poll(() => sessions.length).toBe(1);
    expect(sessions).toEqual([device]);
    // The next page in the same session: not again.
    await page.reload();
    await share.locator(".kinship-referral__code").waitFor({ timeout: 15_000 });
    await page.waitForLoadState("networkidle");
    expect(sessions).toHaveLength(1);
    await context.close();
  });
});
