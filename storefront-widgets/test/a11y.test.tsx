// @vitest-environment happy-dom
import axe from "axe-core";
import { afterEach, describe, expect, it } from "vitest";
import { KinshipProvider, MemberBadge, MemberPrice, PartnerPerks, PointsBalance, RewardsList, TierProgress } from "../src/index.ts";
import { fakeApi, perkOf } from "./support/api.ts";
import { render, settle } from "./support/render.tsx";

afterEach(() => {
  document.body.innerHTML = "";
  localStorage.clear();
});

const rewards = [
  { id: "r1", name: "$5 off", cost: 500, kind: "AMOUNT_OFF" as const, value: 500, available: true },
  { id: "r2", name: "Free shipping", cost: 5000, kind: "FREE_SHIPPING" as const, value: 0, available: false },
];

const perks = [
  perkOf("cafe", "Corner Café", { minTier: "gold", codes: [{ partner: "cafe", code: "CAFE-1", claimedAt: "2026-05-01T00:00:00Z" }] }),
  perkOf("lounge", "Sky Lounge", { claimable: false, blockedBy: "TIER", minTier: "platinum" }),
];

async function page() {
  const api = fakeApi({ rewards, perks });
  const r = await render(
    <KinshipProvider endpoint="/apps/kinship/graphql" fetch={api.fetch}>
      <main>
        <h1>Product</h1>
        <MemberBadge />
        <PointsBalance />
        <TierProgress />
        <MemberPrice variantId="v1" price={2000} currency="USD" />
        <RewardsList />
        <PartnerPerks headingLevel={3} />
      </main>
    </KinshipProvider>,
  );
  await settle();
  return r.container;
}

describe("accessibility", () => {
  it("names values in words and announces them politely", async () => {
    const c = await page();
    expect(c.querySelector(".kinship-badge [aria-live=polite]")?.textContent).toBe("★Gold member");
    expect(c.querySelector(".kinship-badge [aria-hidden=true]")?.textContent).toBe("★");
    expect(c.querySelector(".kinship-points [aria-live=polite]")?.textContent).toBe("1,974 points");
    expect(c.querySelector(".kinship-tier-progress [aria-live=polite]")?.textContent).toBe("320 more to reach Platinum");
    const bar = c.querySelector("progress");
    expect(bar?.getAttribute("aria-label")).toBe("Progress to Platinum");
    expect([bar?.getAttribute("value"), bar?.getAttribute("max")]).toEqual(["680", "1000"]);
    expect(c.querySelector(".kinship-price [aria-live=polite]")?.textContent).toBe("Regular price $20.00 Member price $18.00");
    expect(c.querySelectorAll("[aria-busy]")).toHaveLength(0);
  });

  it("rewards: a labelled section, buttons named by their reward, a focus style, disabled when out of reach", async () => {
    const c = await page();
    const section = c.querySelector("section.kinship-rewards");
    const heading = c.querySelector(`#${CSS.escape(section?.getAttribute("aria-labelledby") ?? "")}`);
    expect(heading?.tagName).toBe("H2");
    expect(heading?.textContent).toBe("Rewards");
    const buttons = Array.from(section?.querySelectorAll("button") ?? []);
    expect(buttons.map((b) => b.textContent)).toEqual(["Redeem $5 off", "Redeem Free shipping"]);
    expect(buttons.map((b) => b.disabled)).toEqual([false, true]);
    expect(buttons.every((b) => b.type === "button" && b.classList.contains("kinship-button"))).toBe(true);
    expect(section?.querySelector("style")?.textContent).toContain(".kinship-button:focus-visible{outline:3px solid");
  });

  it("perks: a labelled section at the chosen heading level, Claim buttons named by their partner, reasons and codes in text", async () => {
    const c = await page();
    const section = c.querySelector("section.kinship-perks");
    const heading = c.querySelector(`#${CSS.escape(section?.getAttribute("aria-labelledby") ?? "")}`);
    expect([heading?.tagName, heading?.textContent]).toEqual(["H3", "Partner perks"]);
    const buttons = Array.from(section?.querySelectorAll("button") ?? []);
    expect(buttons.map((b) => [b.textContent, b.type, b.disabled])).toEqual([["Claim Corner Café", "button", false]]);
    expect(section?.querySelector(".kinship-perks__blocked")?.textContent).toBe("For platinum members and above");
    expect(section?.querySelector(".kinship-perks__codes")?.textContent).toBe("Your codes: CAFE-1");
    expect(section?.querySelector(".kinship-perks__result")?.getAttribute("aria-live")).toBe("polite");
  });

  it("axe-core finds no violations in the rendered widgets", async () => {
    const c = await page();
    // Layout-based rules (contrast) need a real browser: the app's browser tests run the full set.
    const result = await axe.run(c, { rules: { "color-contrast": { enabled: false } }, resultTypes: ["violations"] });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
    expect(result.passes.length + result.incomplete.length).toBeGreaterThan(0);
  });
});
