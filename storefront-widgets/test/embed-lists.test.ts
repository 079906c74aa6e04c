// @vitest-environment happy-dom
import axe from "axe-core";
import { afterEach, describe, expect, it } from "vitest";
import type { Member, Perk, Redemption, Reward } from "../src/core/types.ts";
import { start } from "../src/embed/boot.ts";
// loyalty.js: defines its elements once embed.js (start) has defined the base ones.
import "../src/embed/loyalty.ts";
import { ApiError, fakeApi, gold, perkOf } from "./support/api.ts";

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));
const $ = (sel: string) => document.querySelector<HTMLElement>(sel);
const all = (sel: string) => Array.from(document.querySelectorAll<HTMLElement>(sel)).map((e) => e.textContent);
const config = { endpoint: "/apps/kinship/graphql", program: "demo.myshopify.com", customer: "42" };

const fiveOff: Reward = { id: "five-off", name: "$5 off", cost: 500, kind: "AMOUNT_OFF", value: 500, available: true };
const tenPct: Reward = { id: "ten", name: "10% off", cost: 5000, kind: "PERCENT_OFF", value: 10, available: false };

afterEach(() => {
  document.body.innerHTML = "";
  localStorage.clear();
});

/** A server that spends `cost` once per idempotency key and answers the same code for a key seen before. */
function ledger(start = 1974) {
  const member: Member = { ...gold, points: { ...gold.points, available: start } };
  const spent = new Map<string, Redemption>();
  return {
    member,
    spent,
    redeem(rewardId: string, key: string): Redemption {
      const known = spent.get(key);
      if (known) return known;
      member.points = { ...member.points, available: member.points.available - 500 };
      const r = { rewardId, code: `KIN-${spent.size + 1}`, points: 500 };
      spent.set(key, r);
      return r;
    },
  };
}

describe("<kinship-rewards>", () => {
  it("lists the rewards, redeems one with a fresh key per click, shows the code and refreshes the points", async () => {
    const server = ledger();
    const api = fakeApi({ me: server.member, rewards: [fiveOff, tenPct], redeem: server.redeem });
    start(config, api.fetch);
    document.body.innerHTML = "<main><kinship-points></kinship-points><kinship-rewards></kinship-rewards></main>";
    expect($("kinship-rewards")?.getAttribute("aria-busy")).toBe("true");
    await tick();

    expect($("kinship-rewards h2")?.textContent).toBe("Rewards");
    expect(all("kinship-rewards li")).toEqual(["$5 off500 pointsRedeem $5 off", "10% off5,000 pointsRedeem 10% off"]);
    const buttons = document.querySelectorAll<HTMLButtonElement>("kinship-rewards button");
    expect(Array.from(buttons).map((b) => b.disabled)).toEqual([false, true]);
    expect($("kinship-points")?.textContent).toBe("1,974 points");

    buttons[0]?.click();
    expect($("kinship-rewards button")?.textContent).toBe("Redeeming… $5 off");
    await tick();
    expect($("kinship-rewards [aria-live=polite].kinship-result")?.textContent).toBe("Your code: KIN-1");
    // The list was redrawn; the keyboard is back on the button it pressed.
    expect(document.activeElement?.textContent).toBe("Redeem $5 off");
    expect($("kinship-points")?.textContent).toBe("1,474 points");
    // The outcome stays on screen after the list reloaded.
    expect(api.of("KinshipRewards")).toHaveLength(2);

    // A second click is a second redemption: a new key.
    $("kinship-rewards button")?.click();
    await tick();
    expect($(".kinship-result")?.textContent).toBe("Your code: KIN-2");
    const keys = api.of("KinshipRedeem").map((c) => c.variables.key);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
    expect(server.member.points.available).toBe(974);

    const result = await axe.run(document.body, { rules: { "color-contrast": { enabled: false } }, resultTypes: ["violations"] });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it("a click after an answer that never came retries the same attempt: one spend, one code", async () => {
    const server = ledger();
    let drop = 3; // the first request and the session's two automatic resends
    const api = fakeApi({ me: server.member, rewards: [fiveOff], redeem: server.redeem });
    const flaky: typeof fetch = async (url, init) => {
      const answer = await api.fetch(url, init);
      if (String(init?.body).includes("KinshipRedeem") && drop-- > 0) throw new TypeError("network connection lost");
      return answer;
    };
    start(config, flaky);
    document.body.innerHTML = "<kinship-rewards></kinship-rewards>";
    await tick();
    $("kinship-rewards button")?.click();
    await expect.poll(() => $(".kinship-result")?.textContent, { timeout: 5000 }).toBe("Could not redeem this reward. Please try again.");
    // The server did spend (the answers were lost on the way back).
    expect(server.member.points.available).toBe(1474);

    $("kinship-rewards button")?.click();
    await expect.poll(() => $(".kinship-result")?.textContent).toBe("Your code: KIN-1");
    const keys = api.of("KinshipRedeem").map((c) => c.variables.key);
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(1);
    expect(server.spent.size).toBe(1);
    expect(server.member.points.available).toBe(1474);

    // Answered: the next click is a new redemption.
    $("kinship-rewards button")?.click();
    await expect.poll(() => $(".kinship-result")?.textContent).toBe("Your code: KIN-2");
    expect(new Set(api.of("KinshipRedeem").map((c) => c.variables.key)).size).toBe(2);
  });

  it("a refusal ends the attempt: the next click uses a new key", async () => {
    const api = fakeApi({
      rewards: [fiveOff],
      redeem: () => {
        throw new ApiError("InsufficientPoints");
      },
    });
    start(config, api.fetch);
    document.body.innerHTML = "<kinship-rewards></kinship-rewards>";
    await tick();
    $("kinship-rewards button")?.click();
    await tick();
    expect($(".kinship-result")?.textContent).toBe("Could not redeem this reward. Please try again.");
    $("kinship-rewards button")?.click();
    await tick();
    expect(new Set(api.of("KinshipRedeem").map((c) => c.variables.key)).size).toBe(2);
  });

  it("speaks the words the block passes (zh-CN) and the heading level it asks for", async () => {
    start(
      { ...config, locale: "zh-CN" },
      fakeApi({ rewards: [fiveOff], redeem: () => ({ rewardId: "five-off", code: "K1", points: 500 }) }).fetch,
    );
    document.body.innerHTML = `<kinship-rewards data-level="3" data-rewards="奖励" data-redeem="兑换" data-code="您的优惠码：" data-points="{n} 积分"></kinship-rewards>`;
    await tick();
    expect($("kinship-rewards h3")?.textContent).toBe("奖励");
    expect(all("kinship-rewards li")).toEqual(["$5 off500 积分兑换 $5 off"]);
    $("kinship-rewards button")?.click();
    await tick();
    expect($(".kinship-result")?.textContent).toBe("您的优惠码： K1");
  });

  it("an empty program says so; an unreachable API with no snapshot shows nothing", async () => {
    start(config, fakeApi().fetch);
    document.body.innerHTML = "<kinship-rewards></kinship-rewards>";
    await tick();
    expect($("kinship-rewards p")?.textContent).toBe("No rewards yet.");

    start(config, fakeApi({ down: true }).fetch);
    localStorage.clear();
    document.body.innerHTML = "<kinship-rewards></kinship-rewards>";
    await tick();
    expect($("kinship-rewards")?.textContent).toBe("");
    expect($("kinship-rewards")?.hasAttribute("aria-busy")).toBe(false);
  });
});

describe("<kinship-perks>", () => {
  const perks: Perk[] = [
    perkOf("cafe", "Corner Café", { codes: [{ partner: "cafe", code: "CAFE-0001", claimedAt: "2026-11-01T00:00:00Z" }] }),
    perkOf("cinema", "Lux Cinema", { claimable: false, blockedBy: "SOLD_OUT", perk: "Two for one" }),
    perkOf("spa", "Spa", { claimable: false, blockedBy: "TIER", minTier: "platinum", perk: "A massage" }),
    perkOf("gym", "Gym", { claimable: false, blockedBy: "LIMIT", perk: "A day pass" }),
  ];

  it("claims a perk, shows its code and the member's codes, and why the others cannot be claimed", async () => {
    let claimed = 1;
    const api = fakeApi({ perks, claimPerk: (partner) => ({ partner, code: `CAFE-000${++claimed}`, claimedAt: "2026-12-05T00:00:00Z" }) });
    start(config, api.fetch);
    document.body.innerHTML = "<main><kinship-perks></kinship-perks></main>";
    await tick();
    expect($("kinship-perks h2")?.textContent).toBe("Partner perks");
    expect(all("kinship-perks .kinship-blocked")).toEqual(["All claimed", "For platinum members and above", "Claimed"]);
    expect(all("kinship-perks .kinship-codes")).toEqual(["Your codes: CAFE-0001"]);

    $("kinship-perks button")?.click();
    expect($("kinship-perks button")?.textContent).toBe("Claiming… Corner Café");
    await tick();
    expect($("kinship-perks .kinship-result")?.textContent).toBe("Your code: CAFE-0002");
    expect(api.of("KinshipPerks")).toHaveLength(2);
    expect(api.of("KinshipClaimPerk").map((c) => c.variables.partner)).toEqual(["cafe"]);
    expect(typeof api.of("KinshipClaimPerk")[0]?.variables.key).toBe("string");

    const result = await axe.run(document.body, { rules: { "color-contrast": { enabled: false } }, resultTypes: ["violations"] });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it("takes the app embed's translated words (kinship-config messages) when the element has none", async () => {
    start(
      { ...config, messages: { perks: "合作伙伴福利", claim: "领取" } as Record<string, string> },
      fakeApi({ perks: [perkOf("cafe", "Corner Café")] }).fetch,
    );
    document.body.innerHTML = "<kinship-perks></kinship-perks>";
    await tick();
    expect($("kinship-perks h2")?.textContent).toBe("合作伙伴福利");
    expect($("kinship-perks button")?.textContent).toBe("领取 Corner Café");
  });

  it("a sold-out refusal says so; a guest is asked to sign in (in the block's words)", async () => {
    start(
      config,
      fakeApi({
        perks: [perkOf("cafe", "Corner Café")],
        claimPerk: () => {
          throw new ApiError("PerksSoldOut");
        },
      }).fetch,
    );
    document.body.innerHTML = "<kinship-perks></kinship-perks>";
    await tick();
    $("kinship-perks button")?.click();
    await tick();
    expect($(".kinship-result")?.textContent).toBe("All claimed");

    start(
      { ...config, customer: null },
      fakeApi({ me: null, perks: [perkOf("cafe", "Corner Café", { claimable: false, blockedBy: "SIGN_IN" })] }).fetch,
    );
    document.body.innerHTML = `<kinship-perks data-perk-sign-in="登录后领取"></kinship-perks>`;
    await tick();
    expect(all("kinship-perks .kinship-blocked")).toEqual(["登录后领取"]);
    expect(document.querySelectorAll("kinship-perks button")).toHaveLength(0);
  });
});

describe("words from the blocks (locales/ through Liquid's t filter)", () => {
  it("the badge, points and price take theirs from their attributes too", async () => {
    start({ ...config, locale: "zh-CN" }, fakeApi().fetch);
    document.body.innerHTML = `<kinship-badge data-member="{tier}会员"></kinship-badge><kinship-points data-points="{n} 积分"></kinship-points>
      <kinship-price data-variant-id="v1" data-price="2000" data-currency="USD" data-regular-price="原价" data-member-price="会员价">US$20.00</kinship-price>`;
    await tick();
    expect($("kinship-badge")?.textContent).toBe("★Gold会员");
    expect($("kinship-points")?.textContent).toBe("1,974 积分");
    expect($("kinship-price [aria-live]")?.textContent).toBe("原价 US$20.00 会员价 US$18.00");
  });
});

describe("<kinship-expiring>", () => {
  it("shows the next expiry (the earliest), in the page's locale; nothing when none or for guests", async () => {
    const expiring = [
      { points: 300, on: "2027-01-20T00:00:00.000Z" },
      { points: 120, on: "2027-01-05T00:00:00.000Z" },
    ];
    start(config, fakeApi({ me: { ...gold, points: { ...gold.points, expiringSoon: expiring } } }).fetch);
    document.body.innerHTML = "<kinship-expiring></kinship-expiring>";
    await tick();
    expect($("kinship-expiring [aria-live]")?.textContent).toBe("120 points expire on Jan 5, 2027");

    start({ ...config, locale: "zh-CN" }, fakeApi({ me: { ...gold, points: { ...gold.points, expiringSoon: expiring } } }).fetch);
    document.body.innerHTML = `<kinship-expiring data-expiring="{points} 积分将于 {date} 过期"></kinship-expiring>`;
    await tick();
    expect($("kinship-expiring")?.textContent).toBe("120 积分将于 2027年1月5日 过期");

    start(config, fakeApi().fetch);
    document.body.innerHTML = "<kinship-expiring></kinship-expiring>";
    await tick();
    expect($("kinship-expiring")?.textContent).toBe("");

    start({ ...config, customer: null }, fakeApi({ me: null }).fetch);
    document.body.innerHTML = "<kinship-expiring></kinship-expiring>";
    await tick();
    expect($("kinship-expiring")?.textContent).toBe("");
  });
});
