import type { BrowserContext, Page } from "playwright-core";
import { appBridgeShim } from "../../plugin/app/src/home/app-bridge-shim.ts";
import { APP_BRIDGE_URL } from "../../plugin/app/src/home/app-shell.ts";
import { type RunningApp, startApp } from "../../plugin/app/src/main.ts";
import { API_KEY, SECRET } from "../../plugin/app/test/support.ts";
import { TEST_TOKEN_KEY } from "../support/engine-db.ts";
import { isolatedDatabase } from "../support/isolated.ts";

/**
 * What the Shopify admin's browser tests share: the server `npm start` runs, on a database of its
 * own, and App Bridge's CDN URL answered by the server's own shim (plugin/app's dev sign-in uses
 * the same file) whose idToken() returns a session token signed with the test app's secret.
 */

export interface TestApp {
  app: RunningApp;
  /** Closes the server, then drops its database. */
  close(): Promise<void>;
}

/** The app on a fresh database named after `label`, no worker, the test app's key and secret. */
export async function startTestApp(label: string): Promise<TestApp> {
  const database = await isolatedDatabase(label);
  const app = await startApp({
    DATABASE_URL: database.url,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    KINSHIP_WORKER: "off",
    SHOPIFY_API_KEY: API_KEY,
    SHOPIFY_API_SECRET: SECRET,
    KINSHIP_TOKEN_KEY: TEST_TOKEN_KEY,
  });
  return {
    app,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** Answers App Bridge's CDN URL, for a whole context or one page, with the shim signed in as `shop`. */
export async function routeAppBridge(target: BrowserContext | Page, shop: string, token: string): Promise<void> {
  await target.route(APP_BRIDGE_URL, (route) =>
    route.fulfill({ contentType: "application/javascript", body: appBridgeShim({ token, shop }) }),
  );
}

/** The query Shopify's admin opens an embedded app with. */
export function embeddedQuery(shop: string): string {
  const host = Buffer.from(`admin.shopify.com/store/${shop.split(".")[0]}`).toString("base64url");
  return `?shop=${shop}&host=${host}&embedded=1`;
}

/** The page's uncaught errors and console errors, as they come. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return errors;
}
