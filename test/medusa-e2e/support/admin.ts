import type { Page } from "playwright-core";
import type { launchChromium } from "../../browser/support.ts";
import { ADMIN } from "./store.ts";

/** Signs the store's admin in, at 1440 px: the admin is served by Medusa's development bundler, whose first page compiles. */
export async function signedInAdmin(browser: Awaited<ReturnType<typeof launchChromium>>, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(`${url}/app/login`, { timeout: 240_000 });
  await page.getByPlaceholder("Email").fill(ADMIN.email, { timeout: 240_000 });
  await page.getByPlaceholder("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Continue with Email" }).click();
  await page.waitForURL((u) => !u.pathname.endsWith("/login"), { timeout: 120_000 });
  return page;
}
