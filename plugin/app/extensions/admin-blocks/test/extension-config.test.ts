import { existsSync, readFileSync } from "node:fs";
import { memberLedgerQuery, memberQuery, orderQuery } from "@kinship/admin/shared";
import { adminSdl } from "@kinship/engine/schema";
import { build } from "esbuild";
import { buildSchema, parse, print, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { memberPageHref } from "../src/components/CustomerBlock.tsx";
import { MEMBER, MEMBER_LEDGER, ORDER } from "../src/data/operations.ts";
import { APP_URL } from "../src/host.ts";

const extensionToml = readFileSync(new URL("../shopify.extension.toml", import.meta.url), "utf8");
const appToml = readFileSync(new URL("../../../shopify.app.toml", import.meta.url), "utf8");

const values = (toml: string, key: string) => [...toml.matchAll(new RegExp(`^\\s*${key} = "([^"]*)"$`, "gm"))].map((m) => m[1]);
const applicationUrl = values(appToml, "application_url")[0] ?? "";

describe("shopify.extension.toml", () => {
  it("is one ui_extension on a current API version with the customer and order page blocks, each module present", () => {
    expect(values(extensionToml, "type")).toEqual(["ui_extension"]);
    // Admin extensions use Preact and web components from 2025-10; the package is 2026.7.
    expect(values(extensionToml, "api_version")).toEqual(["2026-07"]);
    expect(values(extensionToml, "handle")).toHaveLength(1);
    expect(values(extensionToml, "target")).toEqual(["admin.customer-details.block.render", "admin.order-details.block.render"]);
    const modules = values(extensionToml, "module");
    expect(modules).toEqual(["./src/CustomerBlockExtension.tsx", "./src/OrderBlockExtension.tsx"]);
    for (const module of modules) expect(existsSync(new URL(`../${module}`, import.meta.url)), module).toBe(true);
  });

  it("the blocks call the app's own origin, and the member link lands on /app/members/<id> under application_url", () => {
    expect(APP_URL).toBe(new URL(applicationUrl).origin);
    // `app:` paths resolve against application_url as a directory (Shopify's embedded app URL).
    const landed = new URL(memberPageHref("115310627314723954").slice("app:".length), `${applicationUrl}/`);
    expect(landed.href).toBe(`${APP_URL}/app/members/115310627314723954`);
  });
});

describe("the GraphQL documents", () => {
  const schema = buildSchema(adminSdl);
  it.each([
    ["KinshipAdminMember", MEMBER, memberQuery.document],
    ["KinshipAdminMemberLedger", MEMBER_LEDGER, memberLedgerQuery.document],
    ["KinshipAdminOrder", ORDER, orderQuery.document],
  ])("%s is the shared admin operation, valid against the admin SDL", (name, local, shared) => {
    const document = parse(local);
    expect(validate(schema, document)).toEqual([]);
    expect(document.definitions.map((d) => ("name" in d ? d.name?.value : undefined))).toContain(name);
    const canonical = (source: string) =>
      parse(source)
        .definitions.map((d) => print(d))
        .sort();
    expect(canonical(local)).toEqual(canonical(shared));
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
    console.info(`${module}: ${bytes} bytes minified`);
    expect(bytes).toBeLessThan(64 * 1024);
  });
});
