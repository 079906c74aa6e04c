// @vitest-environment happy-dom
import axe from "axe-core";
import { afterEach, describe, expect, it } from "vitest";
import { createSession } from "../src/core/session.ts";
import { snapshotKey, snapshotStore } from "../src/core/snapshot.ts";
import { start } from "../src/embed/boot.ts";
import { readConfig } from "../src/embed/config.ts";
import { fetchRequest } from "../src/embed/request.ts";
import { ApiError, fakeApi, gold } from "./support/api.ts";

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));
const $ = (sel: string) => document.querySelector<HTMLElement>(sel);
const config = { endpoint: "/apps/kinship/graphql", program: "demo.myshopify.com", customer: "42" };

afterEach(() => {
  document.body.innerHTML = "";
  localStorage.clear();
});

function prices(ids: string[]): string {
  return ids.map((id) => `<kinship-price data-variant-id="${id}" data-price="2000" data-currency="USD">$20.00</kinship-price>`).join("");
}

describe("theme embed (custom elements)", () => {
  it("50 <kinship-price>s make one memberPrices request; elements added later are batched per tick", async () => {
    const api = fakeApi();
    start(config, api.fetch);
    const ids = Array.from({ length: 50 }, (_, i) => `v${i + 1}`);
    document.body.innerHTML = `<kinship-badge></kinship-badge><kinship-points></kinship-points>${prices(ids)}`;
    await tick();

    expect(api.of("KinshipPrices").map((c) => c.variables.ids)).toEqual([ids]);
    expect(api.of("KinshipMe")).toHaveLength(1);
    const shown = Array.from(document.querySelectorAll("kinship-price strong")).map((e) => e.textContent);
    expect(shown).toHaveLength(50);
    expect(new Set(shown)).toEqual(new Set(["Member price $18.00"]));

    // A grid that loads more products: only the new ids, in one more request.
    const more = document.createElement("div");
    more.innerHTML = prices(["v50", "v51", "v52"]);
    document.body.append(more);
    const another = document.createElement("kinship-price");
    another.dataset.variantId = "v53";
    another.dataset.price = "2000";
    document.body.append(another);
    await tick();
    expect(api.of("KinshipPrices").map((c) => c.variables.ids)).toEqual([ids, ["v51", "v52", "v53"]]);
    expect(api.of("KinshipMe")).toHaveLength(1);
  });

  it("renders the badge, points and price accessibly inside reserved boxes", async () => {
    const api = fakeApi();
    start(config, api.fetch);
    document.body.innerHTML = `<main><h1>Shirt</h1><kinship-badge></kinship-badge> <kinship-points></kinship-points> ${prices(["v1"])}</main>`;
    expect($("kinship-price")?.getAttribute("aria-busy")).toBe("true");
    // The theme's own price stays until the answer.
    expect($("kinship-price")?.textContent).toBe("$20.00");
    await tick();

    expect($("kinship-badge [aria-live=polite]")?.textContent).toBe("★Gold member");
    const pill = $("kinship-badge .kinship-pill");
    expect(pill?.style.color).toBe("#000");
    expect($("kinship-points [aria-live=polite]")?.textContent).toBe("1,974 points");
    expect($("kinship-price [aria-live=polite]")?.textContent).toBe("Regular price $20.00 Member price $18.00");
    expect(document.querySelectorAll("[aria-busy]")).toHaveLength(0);

    const css = document.head.querySelector("style")?.textContent ?? "";
    expect(css).toContain("kinship-price{min-width:6em;min-height:2.8em}");
    expect(css).toContain("kinship-badge{min-width:8em;min-height:1.75em}");

    const result = await axe.run(document.body, { rules: { "color-contrast": { enabled: false } }, resultTypes: ["violations"] });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it("guests: no badge or points, a 'Join to get' teaser under the price", async () => {
    start({ ...config, customer: null }, fakeApi({ me: null }).fetch);
    document.body.innerHTML = `<kinship-badge></kinship-badge><kinship-points></kinship-points>${prices(["v1"])}`;
    await tick();
    expect($("kinship-badge")?.textContent).toBe("");
    expect($("kinship-points")?.textContent).toBe("");
    expect($("kinship-price [aria-live]")?.textContent).toBe("$20.00");
    expect($("kinship-price .kinship-note")?.textContent).toBe("Join to get $18.00");
  });

  it("shows the last good snapshot when the API is down, else the theme's own price", async () => {
    start(config, fakeApi().fetch);
    document.body.innerHTML = `<kinship-badge></kinship-badge><kinship-points></kinship-points>${prices(["v1"])}`;
    await tick();
    expect(localStorage.getItem(snapshotKey("/apps/kinship/graphql", "demo.myshopify.com", "42"))).toContain("Gold");

    document.body.innerHTML = "";
    start(config, fakeApi({ down: true }).fetch);
    document.body.innerHTML = `<kinship-badge></kinship-badge><kinship-points></kinship-points>${prices(["v1", "v2"])}`;
    await tick();
    expect($("kinship-badge")?.textContent).toBe("★Gold membermay be out of date");
    expect($("kinship-points [aria-live]")?.textContent).toBe("1,974 points");
    const [v1, v2] = Array.from(document.querySelectorAll("kinship-price"));
    expect(v1?.querySelector("strong")?.textContent).toBe("Member price $18.00");
    expect(v1?.querySelector(".kinship-note")?.textContent).toBe("may be out of date");
    // Never seen: neutral, the base price and no note.
    expect(v2?.textContent).toBe("$20.00");

    // Another shopper on the same device gets nothing from 42's snapshot.
    document.body.innerHTML = "";
    start({ ...config, customer: "7" }, fakeApi({ down: true }).fetch);
    document.body.innerHTML = `<kinship-badge></kinship-badge>${prices(["v1"])}`;
    await tick();
    expect(document.body.textContent).toBe("$20.00");
  });

  it("follows a variant switch made through its attributes", async () => {
    const api = fakeApi();
    start(config, api.fetch);
    document.body.innerHTML = prices(["v1"]);
    await tick();
    const el = $("kinship-price") as HTMLElement;
    el.dataset.variantId = "unknown-9";
    el.dataset.price = "2500";
    await tick();
    expect(el.textContent).toBe("$25.00");
    expect(api.of("KinshipPrices").map((c) => c.variables.ids)).toEqual([["v1"], ["unknown-9"]]);
  });

  it("sends the program key for guests, the token for members (headless)", async () => {
    const guest = fakeApi({ me: null });
    start({ endpoint: "https://api.example/storefront/graphql", program: "demo" }, guest.fetch);
    document.body.innerHTML = "<kinship-points></kinship-points>";
    await tick();
    expect(guest.calls[0]?.headers.get("x-kinship-program")).toBe("demo");
    expect(guest.calls[0]?.headers.get("authorization")).toBeNull();

    const member = fakeApi({ me: gold });
    start({ endpoint: "https://api.example/storefront/graphql", program: "demo", token: "a.b.c" }, member.fetch);
    document.body.innerHTML = "<kinship-points></kinship-points>";
    await tick();
    expect(member.calls[0]?.headers.get("authorization")).toBe("Bearer a.b.c");
  });
});

describe("embed config", () => {
  it("reads the kinship-config JSON, with the script tag's data attributes winning", () => {
    document.body.innerHTML = `
      <script type="application/json" id="kinship-config">{"endpoint":"/apps/loyal/graphql","program":"a.myshopify.com","customer":"","currency":"EUR"}</script>
      <script id="s" data-program="b.myshopify.com" data-locale="fr-FR"></script>`;
    const c = readConfig(document, document.getElementById("s") as HTMLScriptElement);
    expect(c).toMatchObject({
      endpoint: "/apps/loyal/graphql",
      program: "b.myshopify.com",
      customer: "",
      locale: "fr-FR",
      currency: "EUR",
    });
  });

  it("defaults to the app proxy, the page's language and an unknown customer", () => {
    document.documentElement.lang = "en-GB";
    const c = readConfig(document, null);
    expect(c).toMatchObject({ endpoint: "/apps/kinship/graphql", locale: "en-GB" });
    expect(c.program).toBeUndefined();
    expect(c.customer).toBeUndefined();
  });

  it("takes a numeric customer id from Liquid as a string", () => {
    document.body.innerHTML = `<script type="application/json" id="kinship-config">{"customer":6170000000001}</script>`;
    expect(readConfig(document, null).customer).toBe("6170000000001");
  });
});

describe("the embed's redemption (its session over plain fetch)", () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const sessionOver = (f: typeof fetch) =>
    createSession({
      request: fetchRequest({ endpoint: "/apps/kinship/graphql" }, f),
      snapshot: snapshotStore(undefined),
      customer: undefined,
    });

  it("one key per call; a lost answer and a 'still in progress' answer are resent with that key; a refusal is not", async () => {
    const seen: string[] = [];
    const codes = new Map<string, string>();
    let answers = 0;
    const api = fakeApi({
      redeem: (rewardId, key) => {
        seen.push(key);
        if (rewardId === "nope") throw new ApiError("InsufficientPoints");
        answers += 1;
        if (answers === 2) throw new ApiError("RedemptionInProgress");
        if (!codes.has(key)) codes.set(key, `KIN-${codes.size + 1}`);
        return { rewardId, code: codes.get(key) as string, points: 500 };
      },
    });
    // The first answer is lost on its way back (the server did redeem).
    let lost = false;
    const flaky = (async (url: RequestInfo | URL, init?: RequestInit) => {
      const res = await api.fetch(url, init);
      if (!lost) {
        lost = true;
        throw new TypeError("Failed to fetch");
      }
      return res;
    }) as typeof fetch;
    const session = sessionOver(flaky);

    expect(await session.redeem("r1")).toEqual({ rewardId: "r1", code: "KIN-1", points: 500 });
    expect(seen).toHaveLength(3);
    expect(seen[0]).toMatch(UUID);
    expect(new Set(seen).size).toBe(1);

    expect(await session.redeem("r1")).toEqual({ rewardId: "r1", code: "KIN-2", points: 500 });
    expect(seen).toHaveLength(4);
    expect(seen[3]).not.toBe(seen[0]);

    await expect(session.redeem("nope", "given-key")).rejects.toMatchObject({
      response: { errors: [{ extensions: { code: "InsufficientPoints" } }] },
    });
    expect(seen.slice(4)).toEqual(["given-key"]);
    expect(api.of("KinshipRedeem").map((c) => c.variables.id)).toEqual(["r1", "r1", "r1", "r1", "nope"]);
  });
});
