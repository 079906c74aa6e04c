// @vitest-environment happy-dom
import axe from "axe-core";
import { afterEach, describe, expect, it } from "vitest";
import { memberMessagesZhCN } from "../src/core/member-messages.ts";
import type { CampaignsData } from "../src/core/types.ts";
import { mountLauncher } from "../src/launcher/mount.ts";
import type { LauncherData } from "../src/launcher/types.ts";
import { ApiError, campaigns, type FakeApiOptions, fakeApi, notPaying, paying, referral } from "./support/api.ts";

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));
const $ = <T extends HTMLElement = HTMLElement>(sel: string) => document.querySelector<T>(sel) as T;
const section = (id: string) => document.querySelector(`section[aria-labelledby="kinship-launcher-${id}"]`) as HTMLElement | null;

const program: LauncherData["program"] = { name: "Acme Club", currency: "USD", waysToEarn: [] };

function launcherApi(options: FakeApiOptions) {
  const api = fakeApi(options);
  const fetchImpl = (async (url: RequestInfo | URL, init?: RequestInit) => {
    if (String(init?.body).includes("KinshipLauncher")) {
      const data: LauncherData = { program, referralLink: options.me === null ? null : "https://shop.example/r/old" };
      return new Response(JSON.stringify({ data }));
    }
    return api.fetch(url, init);
  }) as typeof fetch;
  return { ...api, fetch: fetchImpl };
}

async function open(options: FakeApiOptions, config: Record<string, unknown> = {}) {
  document.body.innerHTML = `
<script type="application/json" id="kinship-launcher-config">${JSON.stringify({ endpoint: "/apps/kinship/graphql", customer: options.me === null ? "" : "42", ...config })}</script>
<main><h1>Shop</h1></main>
<button type="button" id="kinship-launcher-button" aria-haspopup="dialog" aria-expanded="false" aria-controls="kinship-launcher-panel">Rewards</button>
<div id="kinship-launcher-panel" role="dialog" aria-modal="true" aria-labelledby="kinship-launcher-title" hidden><h2 id="kinship-launcher-title">Rewards</h2></div>`;
  const api = launcherApi(options);
  mountLauncher($<HTMLButtonElement>("#kinship-launcher-button"), api.fetch).open();
  await tick();
  return api;
}

afterEach(() => {
  document.body.innerHTML = "";
  localStorage.clear();
});

describe("the launcher's membership, badges, stamps, referral and birthday", () => {
  it("a paying member: the value realised with its parts, the status, badges, stamp cards, referral code and link", async () => {
    await open({ membership: paying, campaigns, referral });
    const membership = section("membership");
    expect(membership?.querySelector(".kinship-launcher__source")?.textContent).toBe("Gold (paid membership)");
    expect(membership?.querySelector("summary")?.textContent).toBe("You saved $412.00 on a $99.00 membership");
    expect(Array.from(membership?.querySelectorAll("details li") ?? []).map((li) => li.textContent)).toEqual([
      "Member prices$300.00",
      "Free shipping$42.00",
      "Rewards$50.00",
      "Partner perks$20.00",
    ]);
    expect(membership?.querySelector(".kinship-launcher__status")?.textContent).toBe("Active, renews on Mar 1, 2027");
    expect(Array.from(section("badges")?.querySelectorAll(".kinship-launcher__pill") ?? []).map((p) => p.textContent)).toEqual([
      "First review",
      "🏅10 orders",
    ]);
    expect(section("stamps")?.querySelector(".kinship-launcher__dots")?.textContent).toBe("●●●○○");
    expect(section("stamps")?.textContent).toContain("3 of 5");
    const share = section("referral");
    expect(share?.querySelector("code")?.textContent).toBe("GOLD42");
    expect(share?.querySelector("input")?.value).toBe("https://shop.example/?ref=GOLD42");
    expect(share?.textContent).toContain("2 paid, 1 pending · 1,000 points earned");
    expect(section("birthday")?.querySelector("label")?.textContent).toBe("Date of birth");

    const result = await axe.run($("#kinship-launcher-panel"), {
      rules: { "color-contrast": { enabled: false } },
      resultTypes: ["violations"],
    });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it("a member without a plan gets the plans on sale, linked from the block's planUrls; in Chinese through the config's messages", async () => {
    await open({ membership: notPaying() }, { planUrls: { plus: "/products/plus" }, messages: memberMessagesZhCN, locale: "zh-CN" });
    const plan = section("membership")?.querySelector(".kinship-launcher__plan");
    expect(plan?.querySelector("a")?.getAttribute("href")).toBe("/products/plus");
    expect(plan?.querySelector("a")?.textContent).toBe("开通Plus");
    expect(plan?.textContent).toContain("每年 US$99.00");
  });

  it("the birthday is saved once and the panel shows it; a refusal (BirthdayLocked) is shown next to the field and announced", async () => {
    let birthday: string | null = null;
    let locked = false;
    const api = await open({
      // Read when answered: after a save, the birthday is in the answer.
      campaigns: {
        get me() {
          return { ...(campaigns.me as NonNullable<CampaignsData["me"]>), birthday };
        },
      },
      setBirthday: (date) => {
        if (locked) throw new ApiError("BirthdayLocked");
        birthday = date;
        return { customerId: "42", birthday };
      },
    });
    const input = section("birthday")?.querySelector<HTMLInputElement>("input[type=date]") as HTMLInputElement;
    input.value = "1990-13-01";
    section("birthday")
      ?.querySelector("form")
      ?.dispatchEvent(new Event("submit", { cancelable: true }));
    await tick();
    expect($("#kinship-launcher-birthday-error").textContent).toBe("Please enter a valid date.");
    expect(api.of("KinshipSetBirthday")).toHaveLength(0);

    locked = true;
    input.value = "1990-02-28";
    section("birthday")
      ?.querySelector("form")
      ?.dispatchEvent(new Event("submit", { cancelable: true }));
    await tick();
    expect($("#kinship-launcher-birthday-error").textContent).toBe("Your birthday is already set and cannot be changed.");
    expect($(".kinship-launcher__notice").textContent).toBe("Your birthday is already set and cannot be changed.");

    locked = false;
    section("birthday")
      ?.querySelector("form")
      ?.dispatchEvent(new Event("submit", { cancelable: true }));
    await tick(40);
    expect(api.of("KinshipSetBirthday").map((c) => c.variables)).toEqual([{ date: "1990-02-28" }, { date: "1990-02-28" }]);
    expect(section("birthday")?.textContent).toBe("Your birthdayBirthday: Feb 28, 1990");
    expect($(".kinship-launcher__notice").textContent).toBe("Thank you! Your birthday is saved.");
  });

  it("before the engine answers these (NOT_IMPLEMENTED) the panel is as before: the old referral link, no new sections", async () => {
    await open({});
    expect(["membership", "badges", "stamps", "birthday"].map((id) => section(id))).toEqual([null, null, null, null]);
    expect(section("referral")?.querySelector("input")?.value).toBe("https://shop.example/r/old");
  });
});
