// @vitest-environment happy-dom
import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { Perk } from "../src/core/types.ts";
import { KinshipProvider, type KinshipProviderProps, PartnerPerks } from "../src/index.ts";
import { ApiError, fakeApi, perkOf } from "./support/api.ts";
import { render, settle } from "./support/render.tsx";

afterEach(() => {
  document.body.innerHTML = "";
  localStorage.clear();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const at = "2026-06-10T12:00:00.000Z";

async function show(api: ReturnType<typeof fakeApi>, messages?: KinshipProviderProps["messages"]) {
  const { container } = await render(
    <KinshipProvider endpoint="/apps/kinship/graphql" fetch={api.fetch} messages={messages}>
      <PartnerPerks />
    </KinshipProvider>,
  );
  await settle();
  return container;
}

const item = (c: HTMLElement, name: string) =>
  Array.from(c.querySelectorAll<HTMLElement>(".kinship-perks li")).find((li) => li.textContent?.startsWith(name));

const click = async (button: Element | null | undefined) => {
  await act(async () => (button as HTMLButtonElement).click());
  await settle();
};

describe("<PartnerPerks>", () => {
  it("a member claims a perk: the code in a live region, one idempotency key sent, the list refreshed with the code under the perk", async () => {
    const cafe = perkOf("cafe", "Corner Café", { perk: "A free coffee", minTier: "gold" });
    const api = fakeApi({
      perks: [cafe],
      claimPerk: (partner) => {
        const claimed = { partner, code: "CAFE-1", claimedAt: at };
        Object.assign(cafe, { claimable: false, blockedBy: "LIMIT", claimsLeft: 0, codes: [claimed] });
        return claimed;
      },
    });
    const c = await show(api);
    expect(item(c, "Corner Café")?.querySelector("span")?.textContent).toBe("Corner CaféA free coffee");
    const button = c.querySelector(".kinship-perks button");
    expect(button?.textContent).toBe("Claim Corner Café");

    await click(button);
    const result = c.querySelector(".kinship-perks__result");
    expect(result?.getAttribute("aria-live")).toBe("polite");
    expect(result?.textContent).toBe("Your code: CAFE-1");
    const claims = api.of("KinshipClaimPerk");
    expect(claims).toHaveLength(1);
    expect(claims[0]?.variables).toEqual({ partner: "cafe", key: expect.stringMatching(UUID) });
    expect(api.of("KinshipPerks")).toHaveLength(2);
    expect(item(c, "Corner Café")?.querySelector(".kinship-perks__codes")?.textContent).toBe("Your codes: CAFE-1");
    expect(item(c, "Corner Café")?.querySelector(".kinship-perks__blocked")?.textContent).toBe("Claimed");
    expect(c.querySelector(".kinship-perks button")).toBeNull();
  });

  it("says why each blocked perk cannot be claimed, with no button, and lists the codes already claimed newest first", async () => {
    const codes = [
      { partner: "books", code: "BOOK-2", claimedAt: "2026-06-01T00:00:00.000Z" },
      { partner: "books", code: "BOOK-1", claimedAt: "2026-05-01T00:00:00.000Z" },
    ];
    const perks: Perk[] = [
      perkOf("lounge", "Sky Lounge", { claimable: false, blockedBy: "TIER", minTier: "platinum" }),
      perkOf("books", "Book Nook", { claimable: false, blockedBy: "LIMIT", claimsLeft: 0, codes }),
      perkOf("cinema", "Lux Cinema", { claimable: false, blockedBy: "SOLD_OUT" }),
      perkOf("guests", "Guest list", { claimable: false, blockedBy: "SIGN_IN" }),
    ];
    const c = await show(fakeApi({ perks }));
    const blocked = (name: string) => item(c, name)?.querySelector(".kinship-perks__blocked")?.textContent;
    expect(blocked("Sky Lounge")).toBe("For platinum members and above");
    expect(blocked("Book Nook")).toBe("Claimed");
    expect(blocked("Lux Cinema")).toBe("All claimed");
    expect(blocked("Guest list")).toBe("Sign in to claim");
    expect(c.querySelectorAll(".kinship-perks button")).toHaveLength(0);
    expect(item(c, "Book Nook")?.querySelector(".kinship-perks__codes")?.textContent).toBe("Your codes: BOOK-2, BOOK-1");
    expect(c.querySelectorAll(".kinship-perks__codes")).toHaveLength(1);

    const de = await show(fakeApi({ perks }), { perkTier: "Ab {tier}", perkSoldOut: "Vergriffen" });
    expect(item(de, "Sky Lounge")?.textContent).toContain("Ab platinum");
    expect(item(de, "Lux Cinema")?.textContent).toContain("Vergriffen");
  });

  it("a claim refused as sold out says 'All claimed' and shows the perks as they now stand", async () => {
    const cinema = perkOf("cinema", "Lux Cinema");
    const api = fakeApi({
      perks: [cinema],
      claimPerk: () => {
        Object.assign(cinema, { claimable: false, blockedBy: "SOLD_OUT" });
        throw new ApiError("PerksSoldOut");
      },
    });
    const c = await show(api);
    await click(c.querySelector(".kinship-perks button"));
    expect(c.querySelector(".kinship-perks__result")?.textContent).toBe("All claimed");
    expect(api.of("KinshipPerks")).toHaveLength(2);
    expect(item(c, "Lux Cinema")?.querySelector(".kinship-perks__blocked")?.textContent).toBe("All claimed");
  });

  it("any other failure says it could not claim; clicking again is a new attempt with a new key", async () => {
    let attempts = 0;
    const api = fakeApi({
      perks: [perkOf("cafe", "Corner Café")],
      claimPerk: (partner) => {
        attempts += 1;
        if (attempts === 1) throw new TypeError("connection reset");
        return { partner, code: "CAFE-7", claimedAt: at };
      },
    });
    const c = await show(api);
    await click(c.querySelector(".kinship-perks button"));
    expect(c.querySelector(".kinship-perks__result")?.textContent).toBe("Could not claim this perk. Please try again.");
    expect(api.of("KinshipPerks")).toHaveLength(1);

    await click(c.querySelector(".kinship-perks button"));
    expect(c.querySelector(".kinship-perks__result")?.textContent).toBe("Your code: CAFE-7");
    const [first, second] = api.of("KinshipClaimPerk").map((call) => call.variables.key);
    expect(first).toMatch(UUID);
    expect(second).toMatch(UUID);
    expect(second).not.toBe(first);
  });

  it("a guest sees every perk with 'Sign in to claim' and no button", async () => {
    const perks = [
      perkOf("cafe", "Corner Café", { claimable: false, blockedBy: "SIGN_IN", minTier: "gold" }),
      perkOf("cinema", "Lux Cinema", { claimable: false, blockedBy: "SIGN_IN" }),
    ];
    const c = await show(fakeApi({ me: null, perks }));
    const texts = Array.from(c.querySelectorAll(".kinship-perks__blocked")).map((e) => e.textContent);
    expect(texts).toEqual(["Sign in to claim", "Sign in to claim"]);
    expect(c.querySelectorAll(".kinship-perks button")).toHaveLength(0);
  });

  it("says so when the program has no perks", async () => {
    const c = await show(fakeApi());
    expect(c.querySelector(".kinship-perks p")?.textContent).toBe("No partner perks yet.");
    expect(c.querySelector(".kinship-perks")?.getAttribute("aria-busy")).toBeNull();
  });
});
