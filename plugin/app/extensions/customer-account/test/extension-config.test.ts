import { existsSync, readFileSync } from "node:fs";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { LOYALTY_PAGE } from "../src/components/ProfileBlock.tsx";
import { APP_URL } from "../src/host.ts";

const extensionToml = readFileSync(new URL("../shopify.extension.toml", import.meta.url), "utf8");
const appToml = readFileSync(new URL("../../../shopify.app.toml", import.meta.url), "utf8");

const values = (toml: string, key: string) => [...toml.matchAll(new RegExp(`^\\s*${key} = "([^"]*)"$`, "gm"))].map((m) => m[1]);

describe("shopify.extension.toml", () => {
  it("is a ui_extension on a current API version with the page and the profile block, each module present", () => {
    expect(values(extensionToml, "type")).toEqual(["ui_extension"]);
    expect(values(extensionToml, "api_version")[0]).toMatch(/^20(2[6-9])-(01|04|07|10)$/);
    expect(values(extensionToml, "target")).toEqual(["customer-account.page.render", "customer-account.profile.block.render"]);
    for (const module of values(extensionToml, "module")) expect(existsSync(new URL(`../${module}`, import.meta.url)), module).toBe(true);
    expect(extensionToml).toMatch(/^\s*network_access = true$/m);
  });

  it("the profile block links to this extension's page, and the extension calls the app's own URL", () => {
    expect(LOYALTY_PAGE).toBe(`extension:${values(extensionToml, "handle")[0]}/`);
    expect(APP_URL).toBe(new URL(values(appToml, "application_url")[0] ?? "").origin);
  });
});

describe("the bundles", () => {
  /** Shopify refuses a UI extension whose compiled script is over 64 KB. */
  it.each(values(extensionToml, "module"))("%s bundles for the browser within Shopify's 64 KB", async (module) => {
    const out = await build({
      entryPoints: [new URL(`../${module}`, import.meta.url).pathname],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    expect(out.errors).toEqual([]);
    const bytes = out.outputFiles[0]?.contents.byteLength ?? Infinity;
    expect(bytes).toBeLessThan(64 * 1024);
  });
});
