// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readLauncherConfig } from "../src/launcher/config.ts";
import { installLoader } from "../src/launcher/loader.ts";
import { launcherMessages } from "../src/launcher/messages.ts";
import { mountLauncher } from "../src/launcher/mount.ts";
import type { LauncherData } from "../src/launcher/types.ts";
import { earnText, oneUnit } from "../src/launcher/view.ts";
import { type FakeApiOptions, fakeApi, gold, perkOf } from "./support/api.ts";

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));
const $ = <T extends HTMLElement = HTMLElement>(sel: string) => document.querySelector<T>(sel) as T;
const texts = (sel: string) => Array.from(document.querySelectorAll(sel)).map((e) => e.textContent?.trim());

const program: LauncherData["program"] = {
  name: "Acme Club",
  currency: "USD",
  waysToEarn: [
    { id: "base", name: "Shop", trigger: "order.paid", pointsPerUnit: 2, points: null, multiplier: null },
    { id: "signup", name: "Create an account", trigger: "customer.created", points: 50, pointsPerUnit: null, multiplier: null },
  ],
};

const rewards = [
  { id: "five-off", name: "$5 off", cost: 500, kind: "AMOUNT_OFF" as const, value: 500, available: true },
  { id: "big", name: "$50 off", cost: 5000, kind: "AMOUNT_OFF" as const, value: 5000, available: false },
];

/** The widgets' fake API (test/support/api.ts) plus the launcher's own query. */
function launcherApi(options: FakeApiOptions & { referralLink?: string | null } = {}) {
  const api = fakeApi({ rewards, ...options });
  const launcherCalls: unknown[] = [];
  const fetchImpl = (async (url: RequestInfo | URL, init?: RequestInit) => {
    if (String(init?.body).includes("KinshipLauncher")) {
      launcherCalls.push(init?.body);
      const data: LauncherData = {
        program,
        referralLink: options.me === null ? null : (options.referralLink ?? "https://shop.example/r/42"),
      };
      return new Response(JSON.stringify({ data }), { headers: { "content-type": "application/json" } });
    }
    return api.fetch(url, init);
  }) as typeof fetch;
  return { ...api, fetch: fetchImpl, launcherCalls };
}

/** What the launcher block renders (blocks/kinship-launcher.liquid) with the block's config. */
function renderBlock(
  config: Record<string, unknown> = { endpoint: "/apps/kinship/graphql", program: "acme.myshopify.com", customer: "42" },
) {
  document.body.innerHTML = `
<script type="application/json" id="kinship-launcher-config">${JSON.stringify({ registerUrl: "/account/register", loginUrl: "/account/login", ...config })}</script>
<div class="kinship-launcher" data-position="right" style="--kinship-launcher-color:#1d4ed8;--kinship-launcher-text:#fff">
  <button type="button" class="kinship-launcher__button" id="kinship-launcher-button" aria-haspopup="dialog" aria-expanded="false"
    aria-controls="kinship-launcher-panel" data-src="/assets/launcher.js">Rewards</button>
  <div class="kinship-launcher__panel" id="kinship-launcher-panel" role="dialog" aria-modal="true" aria-labelledby="kinship-launcher-title" hidden>
    <h2 id="kinship-launcher-title">Rewards</h2>
  </div>
</div>
<a href="/elsewhere" id="outside">Elsewhere</a>`;
  return $<HTMLButtonElement>("#kinship-launcher-button");
}

function key(k: string, shiftKey = false) {
  (document.activeElement ?? document.body).dispatchEvent(
    new KeyboardEvent("keydown", { key: k, shiftKey, bubbles: true, cancelable: true }),
  );
}

beforeEach(() => {
  delete window.kinshipLauncher;
});
afterEach(() => {
  document.body.innerHTML = "";
  localStorage.clear();
});

describe("the launcher's loader (the page's initial script)", () => {
  it("fetches nothing until the first click, loads the panel's script once however often it is clicked meanwhile, then opens it", async () => {
    const api = launcherApi();
    const button = renderBlock();
    const loads: string[] = [];
    let finish = () => {};
    installLoader(document, (src) => {
      loads.push(src);
      return new Promise<void>((resolve) => {
        finish = () => {
          window.kinshipLauncher = { mount: (b) => mountLauncher(b, api.fetch) };
          resolve();
        };
      });
    });
    installLoader(document, () => Promise.reject(new Error("a second install must do nothing")));
    await tick();
    expect(loads).toEqual([]);
    expect(api.calls).toEqual([]);

    button.click();
    button.click();
    expect(loads).toEqual(["/assets/launcher.js"]);
    expect(button.getAttribute("aria-busy")).toBe("true");
    finish();
    await tick();
    expect(button.hasAttribute("aria-busy")).toBe(false);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect($("#kinship-launcher-panel").hidden).toBe(false);
    expect($("#kinship-launcher-panel").contains(document.activeElement)).toBe(true);

    // From now on the panel's code owns the button: a click closes, the next opens, nothing is loaded again.
    button.click();
    expect(button.getAttribute("aria-expanded")).toBe("false");
    button.click();
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(loads).toHaveLength(1);
  });

  it("a script that fails to load (offline) leaves the button usable: the next click tries again", async () => {
    const button = renderBlock();
    let attempts = 0;
    installLoader(document, () => {
      attempts += 1;
      return Promise.reject(new Error("offline"));
    });
    button.click();
    await tick();
    expect(button.hasAttribute("aria-busy")).toBe(false);
    expect(button.getAttribute("aria-expanded")).toBe("false");
    button.click();
    await tick();
    expect(attempts).toBe(2);
  });
});

describe("the launcher's panel", () => {
  it("a member: program name as the dialog's title, tier, points, progress, ways to earn, rewards, referral link, perks", async () => {
    const api = launcherApi({
      perks: [perkOf("cafe", "Corner Café"), perkOf("cinema", "Lux Cinema", { claimable: false, blockedBy: "TIER", minTier: "platinum" })],
    });
    const button = renderBlock();
    mountLauncher(button, api.fetch).open();
    await tick();

    expect($("#kinship-launcher-title").textContent).toBe("Acme Club");
    expect($(".kinship-launcher__tier").textContent).toBe("Gold member");
    expect($(".kinship-launcher__points").textContent).toBe("1,974 points");
    const bar = $("[role=progressbar]");
    // Growth 1,680 in Gold (from 1,000), 320 to go: 680 of 1,000.
    expect([bar.getAttribute("aria-valuenow"), bar.getAttribute("aria-valuemax"), bar.getAttribute("aria-label")]).toEqual([
      "680",
      "1000",
      "Progress to Platinum",
    ]);
    expect($(".kinship-launcher__next").textContent).toBe("320 more to reach Platinum");
    expect(texts(".kinship-launcher__earn")).toEqual(["2 points per $1 spent", "50 points"]);
    expect(texts("#kinship-launcher-rewards ~ ul li button")).toEqual(["Redeem"]); // only the reward the member can afford
    expect($<HTMLInputElement>(".kinship-launcher__referral input").value).toBe("https://shop.example/r/42");
    expect(texts(".kinship-launcher__blocked")).toEqual(["For platinum members and above"]);
    expect(api.launcherCalls).toHaveLength(1);
    expect(api.of("KinshipMe")[0]?.headers.get("x-kinship-program")).toBe("acme.myshopify.com");
  });

  it("a guest: a join invitation with the shop's register and sign-in links; nothing to redeem or claim", async () => {
    const api = launcherApi({ me: null, perks: [perkOf("cafe", "Corner Café", { claimable: false, blockedBy: "SIGN_IN" })] });
    const button = renderBlock({ endpoint: "/apps/kinship/graphql", program: "acme.myshopify.com", customer: null });
    mountLauncher(button, api.fetch).open();
    await tick();
    expect($(".kinship-launcher__join").textContent).toBe("Join Acme Club");
    expect(Array.from(document.querySelectorAll(".kinship-launcher__links a")).map((a) => [a.textContent, a.getAttribute("href")])).toEqual(
      [
        ["Create an account", "/account/register"],
        ["Sign in", "/account/login"],
      ],
    );
    expect(document.querySelector(".kinship-launcher__points, [role=progressbar], .kinship-launcher__referral")).toBeNull();
    expect(texts(".kinship-launcher__body button")).toEqual([]);
    expect(texts(".kinship-launcher__blocked")).toEqual(["Sign in to claim"]);
  });

  it("redeems with a fresh idempotency key per click, announces the code and shows the new balance", async () => {
    let balance = 1974;
    const keys: string[] = [];
    const me = () => ({ ...gold, points: { ...gold.points, available: balance } });
    const api = launcherApi({
      redeem: (rewardId, k) => {
        keys.push(k);
        balance -= 500;
        return { rewardId, code: `KIN-${keys.length}`, points: 500 };
      },
    });
    const button = renderBlock();
    // The fake answers a fixed `me`: this one answers the balance as it now stands.
    const fetchLive = (async (url: RequestInfo | URL, init?: RequestInit) => {
      if (String(init?.body).includes("query KinshipMe{")) return new Response(JSON.stringify({ data: { me: me() } }));
      return api.fetch(url, init);
    }) as typeof fetch;
    mountLauncher(button, fetchLive).open();
    await tick();
    $<HTMLButtonElement>("#kinship-launcher-rewards ~ ul button").click();
    await tick(50);
    expect($("[role=status]").textContent).toBe("Your code: KIN-1");
    expect(document.activeElement).toBe($("[role=status]"));
    expect($(".kinship-launcher__points").textContent).toBe("1,474 points");
    $<HTMLButtonElement>("#kinship-launcher-rewards ~ ul button").click();
    await tick(50);
    expect($("[role=status]").textContent).toBe("Your code: KIN-2");
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it("claims a perk with an idempotency key and shows the code", async () => {
    const claims: string[] = [];
    const api = launcherApi({
      perks: [perkOf("cafe", "Corner Café")],
      claimPerk: (partner, k) => {
        claims.push(`${partner}:${k}`);
        return { partner, code: "CAFE-0001", claimedAt: "2026-12-05T12:00:00Z" };
      },
    });
    mountLauncher(renderBlock(), api.fetch).open();
    await tick();
    const claim = Array.from(document.querySelectorAll<HTMLButtonElement>("#kinship-launcher-perks ~ ul button"));
    expect(claim.map((b) => b.textContent)).toEqual(["Claim"]);
    claim[0]?.click();
    await tick(50);
    expect($("[role=status]").textContent).toBe("Your code: CAFE-0001");
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatch(/^cafe:[0-9a-f-]{36}$/);
  });

  it("when the API is unreachable: says so and offers to try again", async () => {
    const api = launcherApi({ down: true });
    mountLauncher(renderBlock(), (async (url: RequestInfo | URL, init?: RequestInit) => {
      if (String(init?.body).includes("KinshipLauncher")) throw new TypeError("Failed to fetch");
      return api.fetch(url, init);
    }) as typeof fetch).open();
    await tick();
    expect($(".kinship-launcher__body").textContent).toContain(launcherMessages.failed);
    expect(texts(".kinship-launcher__body button")).toEqual(["Try again"]);
  });
});

describe("the launcher's dialog: keyboard and focus", () => {
  it("focus moves in on open, Tab and Shift+Tab wrap inside, focus cannot leave, Escape closes and returns focus to the button", async () => {
    const api = launcherApi();
    const button = renderBlock();
    button.focus();
    mountLauncher(button, api.fetch);
    button.click();
    await tick();
    const dialog = $("#kinship-launcher-panel");
    const close = $<HTMLButtonElement>(".kinship-launcher__close");
    expect(close.textContent).toBe("Close");
    close.focus();
    expect(document.activeElement).toBe(close);

    key("Tab", true); // from the first: to the last
    const last = document.activeElement as HTMLElement;
    expect(dialog.contains(last)).toBe(true);
    expect(last).not.toBe(close);
    key("Tab"); // from the last: back to the first
    expect(document.activeElement).toBe(close);

    $("#outside").focus(); // e.g. a click outside
    expect(dialog.contains(document.activeElement)).toBe(true);

    key("Escape");
    expect(dialog.hidden).toBe(true);
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(button);

    // Closed: Escape and focus elsewhere are the page's again.
    $("#outside").focus();
    expect(document.activeElement).toBe($("#outside"));
  });

  it("the close button closes and returns focus to the launcher button", async () => {
    const button = renderBlock();
    mountLauncher(button, launcherApi().fetch).open();
    await tick();
    $<HTMLButtonElement>(".kinship-launcher__close").click();
    expect($("#kinship-launcher-panel").hidden).toBe(true);
    expect(document.activeElement).toBe(button);
  });
});

describe("launcher text and config", () => {
  const m = { ...launcherMessages, points: "{n} points", point: "{n} point" };
  it("ways to earn in words", () => {
    const w = { id: "x", name: "x", trigger: "order.paid", pointsPerUnit: null, points: null, multiplier: null };
    expect(earnText({ ...w, pointsPerUnit: 1.5 }, "EUR", m, "de-DE")).toBe("1,5 points per 1\u00a0€ spent");
    expect(earnText({ ...w, pointsPerUnit: 1 }, "JPY", m, "en-US")).toBe("1 point per ¥1 spent");
    expect(earnText({ ...w, points: 1 }, "USD", m, "en-US")).toBe("1 point");
    expect(earnText({ ...w, points: 1000 }, "USD", m, "en-US")).toBe("1,000 points");
    expect(earnText({ ...w, multiplier: 2 }, "USD", m, "en-US")).toBe("2× points");
    expect(earnText(w, "USD", m, "en-US")).toBe("Counts towards your tier");
    expect(oneUnit("XXX-not-a-code", "en-US")).toBe("1 XXX-not-a-code");
  });

  it("the launcher block's config wins over the app embed's; the endpoint defaults to the app proxy", () => {
    document.body.innerHTML = `<script type="application/json" id="kinship-config">{"endpoint":"/apps/k/graphql","program":"a","customer":7,"locale":"fr"}</script>
<script type="application/json" id="kinship-launcher-config">{"loginUrl":"/account/login","locale":"de"}</script>`;
    expect(readLauncherConfig(document)).toEqual({
      endpoint: "/apps/k/graphql",
      program: "a",
      customer: "7",
      locale: "de",
      loginUrl: "/account/login",
    });
    document.body.innerHTML = `<script type="application/json" id="kinship-launcher-config">not json</script>`;
    expect(readLauncherConfig(document).endpoint).toBe("/apps/kinship/graphql");
  });
});

describe("the launcher block (blocks/kinship-launcher.liquid)", () => {
  const liquid = readFileSync(join(import.meta.dirname, "../extensions/kinship-theme/blocks/kinship-launcher.liquid"), "utf8");
  const schema = JSON.parse(/\{% schema %\}([\s\S]*)\{% endschema %\}/.exec(liquid)?.[1] ?? "{}");

  it("is an app embed on body with colour, position, label and membership plan settings", () => {
    expect(schema.target).toBe("body");
    expect(schema.settings.map((s: { id: string; type: string }) => `${s.id}:${s.type}`)).toEqual([
      "label:text",
      "color:color",
      "position:select",
      "plan_key:text",
      "plan_product:product",
      "proxy_path:text",
    ]);
    expect(schema.settings[2].options.map((o: { value: string }) => o.value)).toEqual(["right", "left"]);
  });

  it("renders what the loader and the panel rely on: the button, its dialog, the lazy script's URL, only the loader up front", () => {
    for (const part of [
      'id="kinship-launcher-button"',
      'aria-expanded="false"',
      'aria-controls="kinship-launcher-panel"',
      "data-src=\"{{ 'launcher.js' | asset_url }}\"",
      'id="kinship-launcher-panel"',
      'role="dialog"',
      'aria-modal="true"',
      'aria-labelledby="kinship-launcher-title"',
      'id="kinship-launcher-title"',
      'id="kinship-launcher-config"',
      "--kinship-launcher-color:",
      "--kinship-launcher-text:",
      'data-position="{{ block.settings.position }}"',
    ])
      expect(liquid).toContain(part);
    expect(liquid.match(/<script src=[^>]*>/g)).toEqual([`<script src="{{ 'launcher-loader.js' | asset_url }}" defer>`]);
  });
});
