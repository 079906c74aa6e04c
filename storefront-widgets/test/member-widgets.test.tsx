// @vitest-environment happy-dom
import axe from "axe-core";
import { act } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  BirthdayForm,
  type CartReferral,
  EarnedBadges,
  KinshipProvider,
  MembershipValue,
  medusaCartReferral,
  memberMessagesZhCN,
  ReferralShare,
  StampCards,
  useReferral,
} from "../src/index.ts";
import { ApiError, campaigns, type FakeApiOptions, fakeApi, notPaying, paying, referral } from "./support/api.ts";
import { render, settle } from "./support/render.tsx";

function clearCookies() {
  // biome-ignore lint/suspicious/noDocumentCookie: expiring the page's cookies between tests
  for (const c of document.cookie.split("; ").filter(Boolean)) document.cookie = `${c.split("=")[0]}=;max-age=0;path=/`;
}

beforeEach(() => {
  clearCookies();
  sessionStorage.clear();
  history.replaceState(null, "", "/");
});
afterEach(() => {
  document.body.innerHTML = "";
  localStorage.clear();
});

async function widgets(options: FakeApiOptions, props: Partial<Parameters<typeof KinshipProvider>[0]> = {}) {
  const api = fakeApi(options);
  const r = await render(
    <KinshipProvider endpoint="/apps/kinship/graphql" customerId="42" fetch={api.fetch} {...props}>
      <main>
        <h1>Account</h1>
        <MembershipValue />
        <EarnedBadges />
        <StampCards />
        <ReferralShare />
        <BirthdayForm />
      </main>
    </KinshipProvider>,
  );
  await settle();
  return { ...r, api };
}

const text = (c: HTMLElement, sel: string) => c.querySelector(sel)?.textContent ?? null;

describe("membership value", () => {
  it("a paying member: what they saved against the fee, the parts on expand, the status and that the tier is paid", async () => {
    const { container: c } = await widgets({ membership: paying });
    expect(text(c, ".kinship-membership summary")).toBe("You saved $412.00 on a $99.00 membership");
    const parts = Array.from(c.querySelectorAll(".kinship-membership dl > div")).map((d) => [
      d.querySelector("dt")?.textContent,
      d.querySelector("dd")?.textContent,
    ]);
    expect(parts).toEqual([
      ["Member prices", "$300.00"],
      ["Free shipping", "$42.00"],
      ["Rewards", "$50.00"],
      ["Partner perks", "$20.00"],
    ]);
    expect(text(c, ".kinship-membership__tier")).toBe("Gold (paid membership)");
    expect(text(c, ".kinship-membership__status")).toBe("Active, renews on Mar 1, 2027");
    expect(c.querySelector(".kinship-membership__plan")).toBeNull();
  });

  it("a member without a plan sees the plans on sale, linked to the plan's product when known; a guest too", async () => {
    const member = await widgets({ membership: notPaying() }, { planUrls: { plus: "/products/plus" } });
    expect(text(member.container, ".kinship-membership__tier")).toBe("Silver (earned)");
    const plan = member.container.querySelector(".kinship-membership__plan");
    expect(plan?.textContent).toBe("Plus · $99.00 a yearFree shipping includedGet Plus");
    expect(plan?.querySelector("a")?.getAttribute("href")).toBe("/products/plus");
    member.unmount();

    const guest = await widgets({ me: null, membership: notPaying(null) });
    expect(guest.container.querySelector(".kinship-membership__tier")).toBeNull();
    // No URL given: the offer alone.
    expect(text(guest.container, ".kinship-membership__plan")).toBe("Plus · $99.00 a yearFree shipping included");
    expect(guest.container.querySelector(".kinship-membership__plan a")).toBeNull();
  });

  it("a lapsed membership says when it ended and offers the plans again; a membership ending at period end says when", async () => {
    const lapsed = structuredClone(paying);
    if (lapsed.me?.membership) lapsed.me.membership.status = "LAPSED";
    const a = await widgets({ membership: lapsed });
    expect(text(a.container, ".kinship-membership__status")).toBe("Ended on Mar 8, 2027");
    expect(a.container.querySelector(".kinship-membership summary")).toBeNull();
    expect(a.container.querySelectorAll(".kinship-membership__plan")).toHaveLength(1);
    a.unmount();

    const ending = structuredClone(paying);
    if (ending.me?.membership) ending.me.membership.status = "ENDING";
    const b = await widgets({ membership: ending });
    expect(text(b.container, ".kinship-membership__status")).toBe("Ends on Mar 1, 2027");
  });

  it("in Simplified Chinese", async () => {
    const { container: c } = await widgets({ membership: paying }, { locale: "zh-CN", messages: memberMessagesZhCN });
    expect(text(c, ".kinship-membership summary")).toBe("您的 US$99.00 会员已为您节省 US$412.00");
    expect(text(c, ".kinship-membership__tier")).toBe("Gold（付费会员）");
  });

  it("a server without these fields yet (NOT_IMPLEMENTED): the widgets render nothing, the rest of the page is untouched", async () => {
    const { container: c } = await widgets({});
    expect(c.querySelectorAll("section")).toHaveLength(0);
    expect(text(c, "h1")).toBe("Account");
  });
});

describe("badges, stamp cards, referral share", () => {
  it("earned badges with icon and colour, oldest first; stamp cards as dots and in words", async () => {
    const { container: c } = await widgets({ campaigns });
    const badges = Array.from(c.querySelectorAll(".kinship-badges__badge"));
    expect(badges.map((b) => b.firstElementChild?.textContent)).toEqual(["First review", "🏅10 orders"]);
    const pill = badges[1]?.firstElementChild as HTMLElement;
    expect([pill.style.background, pill.style.color]).toEqual(["#1d4ed8", "#fff"]);
    expect(pill.querySelector("[aria-hidden=true]")?.textContent).toBe("🏅");
    expect(badges[1]?.textContent).toContain("Earned on Jun 2, 2026");

    const card = c.querySelector(".kinship-stamps__card");
    expect(card?.querySelector("[aria-hidden=true]")?.textContent).toBe("●●●○○");
    expect(text(c, ".kinship-stamps__progress")).toBe("3 of 5");
    expect(card?.textContent).toContain("2 cards filled");
  });

  it("a member with no badges reads 'No badges yet'; no stamp cards: no section", async () => {
    const none = { me: { customerId: "42", birthday: null, badges: [], stampCards: [] } };
    const { container: c } = await widgets({ campaigns: none });
    expect(text(c, ".kinship-badges p")).toBe("No badges yet.");
    expect(c.querySelector(".kinship-stamps")).toBeNull();
  });

  it("referral: the offer, the code, the link with a copy button, and the counts", async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async (t: string) => void copied.push(t) }, configurable: true });
    const { container: c } = await widgets({ referral });
    expect(text(c, ".kinship-referral__offer")).toBe("Friends get $10.00 off with their first order; you earn 500 points.");
    expect(text(c, ".kinship-referral__code")).toBe("Your code: GOLD42");
    expect(c.querySelector<HTMLInputElement>(".kinship-referral input")?.value).toBe("https://shop.example/?ref=GOLD42");
    expect(text(c, ".kinship-referral__counts")).toBe("2 paid, 1 pending · 1,000 points earned");
    await act(async () => c.querySelector<HTMLButtonElement>(".kinship-referral button")?.click());
    await settle();
    expect(copied).toEqual(["https://shop.example/?ref=GOLD42"]);
    expect(text(c, ".kinship-referral__result")).toBe("Link copied");
  });

  it("guests see none of the member widgets", async () => {
    const { container: c } = await widgets({
      me: null,
      campaigns: { me: null },
      referral: { me: null, program: referral.program },
      membership: { me: null, program: { currency: "USD", plans: [] } },
    });
    expect(c.querySelectorAll("section")).toHaveLength(0);
  });
});

describe("birthday form", () => {
  it("saves the birthday once; afterwards it is shown, locked", async () => {
    let birthday: string | null = null;
    const data = () => ({ me: { ...(campaigns.me as NonNullable<typeof campaigns.me>), birthday } });
    const api = fakeApi({
      campaigns: data(),
      setBirthday: (date) => {
        birthday = date;
        return { customerId: "42", birthday };
      },
    });
    let current = api.fetch;
    const { container: c } = await render(
      <KinshipProvider endpoint="/apps/kinship/graphql" customerId="42" fetch={(u, i) => current(u, i)}>
        <BirthdayForm />
      </KinshipProvider>,
    );
    await settle();
    const input = c.querySelector<HTMLInputElement>("input[type=date]") as HTMLInputElement;
    expect(c.querySelector(`label[for="${input.id}"]`)?.textContent).toBe("Date of birth");

    // The answers after saving carry the birthday.
    current = async (u, i) => (String(i?.body).includes("KinshipCampaigns") ? fakeApi({ campaigns: data() }).fetch(u, i) : api.fetch(u, i));
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, "1990-02-28");
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await act(async () => c.querySelector("form")?.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true })));
    await settle();
    expect(api.of("KinshipSetBirthday").map((x) => x.variables)).toEqual([{ date: "1990-02-28" }]);
    expect(text(c, ".kinship-birthday__result")).toBe("Thank you! Your birthday is saved.");
    expect(text(c, ".kinship-birthday__set")).toBe("Birthday: Feb 28, 1990");
    expect(c.querySelector("form")).toBeNull();
  });

  it("a refusal is shown: BirthdayLocked, an invalid date (checked before sending)", async () => {
    const api = fakeApi({
      campaigns,
      setBirthday: () => {
        throw new ApiError("BirthdayLocked");
      },
    });
    const { container: c } = await render(
      <KinshipProvider endpoint="/apps/kinship/graphql" customerId="42" fetch={api.fetch}>
        <BirthdayForm />
      </KinshipProvider>,
    );
    await settle();
    const input = c.querySelector<HTMLInputElement>("input[type=date]") as HTMLInputElement;
    const submit = async (value: string) => {
      await act(async () => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, value);
        input.dispatchEvent(new Event("input", { bubbles: true }));
      });
      await act(async () => c.querySelector("form")?.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true })));
      await settle();
    };
    await submit("1990-02-30");
    expect(text(c, ".kinship-birthday__result")).toBe("Please enter a valid date.");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(api.of("KinshipSetBirthday")).toHaveLength(0);

    await submit("1990-02-28");
    expect(api.of("KinshipSetBirthday")).toHaveLength(1);
    expect(text(c, ".kinship-birthday__result")).toBe("Your birthday is already set and cannot be changed.");
    expect(input.getAttribute("aria-describedby")).toContain(c.querySelector(".kinship-birthday__result")?.id);
  });
});

function ShowReferral() {
  const r = useReferral();
  return <output>{JSON.stringify(r)}</output>;
}

describe("the provider's referral capture (Medusa / headless)", () => {
  it("useReferral answers ?ref= and the device id; updateCart writes them once per cart; recordSession once per session", async () => {
    history.replaceState(null, "", "/store?ref=GOLD42");
    const updates: [string, CartReferral][] = [];
    const sdk = {
      store: {
        cart: {
          update: async (id: string, body: { metadata: Record<string, unknown> }) => void updates.push([id, body.metadata as CartReferral]),
        },
      },
    };
    const api = fakeApi({ recordSession: () => true });
    const mount = async (cartId: string) => {
      const updateCart = medusaCartReferral(sdk, cartId);
      const r = await render(
        <KinshipProvider endpoint="/storefront/graphql" customerId="42" fetch={api.fetch} updateCart={updateCart} cartId={cartId}>
          <ShowReferral />
        </KinshipProvider>,
      );
      await settle();
      return r;
    };
    const first = await mount("cart_1");
    const shown = JSON.parse(text(first.container, "output") ?? "{}");
    expect(shown.code).toBe("GOLD42");
    expect(shown.deviceId).toMatch(/^[\da-f-]{36}$/);
    expect(shown.cartMetadata).toEqual({ kinship_ref: "GOLD42", kinship_device: shown.deviceId });
    expect(updates).toEqual([["cart_1", { kinship_ref: "GOLD42", kinship_device: shown.deviceId }]]);
    expect(api.of("KinshipRecordSession").map((c) => c.variables)).toEqual([{ d: shown.deviceId }]);
    first.unmount();

    // Another page, same cart: nothing again. A new cart: written once.
    history.replaceState(null, "", "/store/products/coat");
    (await mount("cart_1")).unmount();
    expect(updates).toHaveLength(1);
    (await mount("cart_2")).unmount();
    expect(updates.map(([id]) => id)).toEqual(["cart_1", "cart_2"]);
    expect(api.of("KinshipRecordSession")).toHaveLength(1);
  });
});

describe("accessibility", () => {
  it("axe-core finds no violations in the membership widgets", async () => {
    const { container: c } = await widgets({ membership: paying, campaigns, referral });
    const result = await axe.run(c, { rules: { "color-contrast": { enabled: false } }, resultTypes: ["violations"] });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
    expect(c.querySelectorAll("section[aria-labelledby]")).toHaveLength(5);
  });
});
