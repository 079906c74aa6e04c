// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { KinshipProvider, MemberBadge, MemberPrice, PointsBalance } from "../src/index.ts";
import { fakeApi, gold } from "./support/api.ts";
import { render, settle } from "./support/render.tsx";

afterEach(() => {
  document.body.innerHTML = "";
  localStorage.clear();
});

describe("member prices", () => {
  it("guests see the base price and a 'Join to get' teaser; no badge, no points", async () => {
    const api = fakeApi({ me: null });
    const { container } = await render(
      <KinshipProvider endpoint="/apps/kinship/graphql" fetch={api.fetch}>
        <MemberBadge />
        <PointsBalance />
        <MemberPrice variantId="v1" price={2000} currency="USD" />
      </KinshipProvider>,
    );
    await settle();
    const price = container.querySelector(".kinship-price");
    expect(price?.querySelector("[aria-live]")?.textContent).toBe("$20.00");
    expect(price?.querySelector(".kinship-price__teaser")?.textContent).toBe("Join to get $18.00");
    expect(container.querySelector(".kinship-badge")?.textContent).toBe("");
    expect(container.querySelector(".kinship-points")?.textContent).toBe("");
  });

  it("members see the base price struck through and their member price", async () => {
    const api = fakeApi();
    const { container } = await render(
      <KinshipProvider endpoint="/apps/kinship/graphql" fetch={api.fetch}>
        <MemberPrice variantId="v1" price={2000} currency="USD" />
      </KinshipProvider>,
    );
    await settle();
    const live = container.querySelector(".kinship-price [aria-live]");
    expect(live?.querySelector("s")?.textContent).toBe("Regular price $20.00");
    expect(live?.querySelector("strong")?.textContent).toBe("Member price $18.00");
    expect(container.querySelector(".kinship-price__teaser")).toBeNull();
  });

  it("a variant Kinship does not know keeps the base price", async () => {
    const api = fakeApi();
    const { container } = await render(
      <KinshipProvider endpoint="/apps/kinship/graphql" fetch={api.fetch}>
        <MemberPrice variantId="unknown-1" price={1250} currency="EUR" />
      </KinshipProvider>,
    );
    await settle();
    expect(container.querySelector(".kinship-price")?.textContent).toBe("€12.50");
  });

  it("formats minor units by the currency's digits and the provider's locale", async () => {
    const api = fakeApi({ me: { ...gold } });
    const { container } = await render(
      <KinshipProvider endpoint="/apps/kinship/graphql" fetch={api.fetch} locale="de-DE" messages={{ points: "{n} Punkte" }}>
        <MemberPrice variantId="unknown-2" price={1999} currency="JPY" />
        <PointsBalance />
      </KinshipProvider>,
    );
    await settle();
    expect(container.querySelector(".kinship-price")?.textContent).toBe("1.999\u00a0¥");
    expect(container.querySelector(".kinship-points")?.textContent).toBe("1.974 Punkte");
  });
});
