import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { Window } from "happy-dom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWidgets, EMBED_BUDGET } from "../scripts/build.ts";

let out: string;
let embed: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "kinship-widgets-"));
  await buildWidgets({ outdir: out, theme: false });
  embed = await readFile(join(out, "embed.js"), "utf8");
}, 60_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe("build", () => {
  it(`dist/embed.js stays within Shopify's ${EMBED_BUDGET}-byte compressed budget (and the 6 KB size-limit)`, () => {
    const gz = gzipSync(Buffer.from(embed), { level: 9 }).length;
    expect(gz).toBeLessThanOrEqual(EMBED_BUDGET);
    expect(gz).toBeLessThanOrEqual(6000);
  });

  it("the theme app extension ships the current build (npm run build -w @kinship/widgets refreshes it)", async () => {
    const asset = join(import.meta.dirname, "../extensions/kinship-theme/assets/embed.js");
    expect(existsSync(asset), "run npm run build -w @kinship/widgets").toBe(true);
    expect(await readFile(asset, "utf8"), "assets/embed.js is stale: run npm run build -w @kinship/widgets").toBe(embed);
  });

  it("the embed is plain DOM: no React, Preact or GraphQL client, no ESM syntax", () => {
    expect(embed).not.toMatch(/react|preact|graphql-request|GraphQLClient/i);
    expect(embed).not.toMatch(/^import |\bexport /m);
    expect(embed).toContain('customElements.define("kinship-price"');
  });

  it("partner perks live in loyalty.js: embed.js carries neither their operations nor their words", async () => {
    expect(embed).not.toMatch(/KinshipPerks|claimPerk|Partner perks|Sign in to claim/);
    const loyalty = await readFile(join(out, "loyalty.js"), "utf8");
    for (const name of ["kinship-rewards", "kinship-perks", "kinship-expiring"])
      expect(loyalty).toContain(`customElements.define("${name}"`);
    expect(loyalty).toMatch(/KinshipPerks/);
    // Built on embed.js's session and elements, not a second copy of them.
    expect(loyalty).not.toMatch(/KinshipPrices|customElements.define\("kinship-price"|Regular price/);
  });

  it("every script the theme app extension ships is within 10,000 bytes as shipped (theme-check's AssetSizeAppBlockJavaScript)", async () => {
    const assets = join(import.meta.dirname, "../extensions/kinship-theme/assets");
    for (const file of ["embed.js", "referral.js", "loyalty.js"]) {
      const shipped = await readFile(join(assets, file));
      expect(shipped.length, file).toBeLessThanOrEqual(EMBED_BUDGET);
      expect(shipped.toString("utf8"), `assets/${file} is stale: run npm run build -w @kinship/widgets`).toBe(
        await readFile(join(out, file), "utf8"),
      );
    }
  });

  it("widgets.js leaves React to the page, and the vendor file provides what it imports", async () => {
    const widgets = await readFile(join(out, "widgets.js"), "utf8");
    const imported = [...widgets.matchAll(/from"(react[^"]*)"/g)].map((m) => m[1]);
    expect(new Set(imported)).toEqual(new Set(["react", "react/jsx-runtime"]));
    expect(widgets).not.toContain("__SECRET_INTERNALS");
    for (const name of ["KinshipProvider", "MemberBadge", "MemberPrice", "PointsBalance", "TierProgress", "RewardsList", "PartnerPerks"]) {
      expect(widgets).toMatch(new RegExp(`\\b${name}\\b`));
    }
    const vendor = await readFile(join(out, "vendor/react.js"), "utf8");
    for (const name of ["createElement", "useState", "useSyncExternalStore", "jsx", "jsxs", "Fragment", "createRoot", "hydrateRoot"]) {
      expect(vendor).toMatch(new RegExp(`\\b${name}\\b`));
    }
  });

  it("the built embed runs in a page: config from the script tag, one me and one memberPrices request", async () => {
    const window = new Window({
      url: "https://shop.example/products/shirt",
      settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
    });
    const bodies: { query: string; variables?: { ids?: string[] } }[] = [];
    const urls: string[] = [];
    window.fetch = (async (url: string, init: RequestInit) => {
      urls.push(String(url));
      const body = JSON.parse(String(init.body));
      bodies.push(body);
      const data = body.query.includes("memberPrices")
        ? {
            memberPrices: body.variables.ids.map((variantId: string) => ({
              variantId,
              currency: "USD",
              basePrice: 2000,
              memberPrice: null,
              benefit: null,
              teaser: { tier: "gold", tierName: "Gold", memberPrice: 1800 },
            })),
          }
        : { me: null };
      return new window.Response(JSON.stringify({ data }), { headers: { "content-type": "application/json" } });
    }) as unknown as typeof window.fetch;
    const doc = window.document;
    doc.body.innerHTML = Array.from(
      { length: 12 },
      (_, i) => `<kinship-price data-variant-id="v${i}" data-price="2000">$20.00</kinship-price>`,
    ).join("");
    const script = doc.createElement("script");
    script.dataset.endpoint = "/apps/loyal/graphql";
    script.dataset.customer = "";
    script.textContent = embed;
    doc.body.append(script);
    await new Promise((r) => setTimeout(r, 50));

    expect(bodies.map((b) => (b.query.includes("memberPrices") ? b.variables?.ids?.length : "me"))).toEqual(["me", 12]);
    expect(new Set(urls)).toEqual(new Set(["/apps/loyal/graphql"]));
    expect(doc.querySelector("kinship-price .kinship-note")?.textContent).toBe("Join to get $18.00");
    await window.happyDOM.close();
  });
});
