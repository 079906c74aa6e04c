// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { KinshipProvider, MemberBadge, MemberPrice, PointsBalance } from "../src/index.ts";
import { fakeApi } from "./support/api.ts";
import { render, settle } from "./support/render.tsx";

const ids = Array.from({ length: 50 }, (_, i) => `v${i + 1}`);

afterEach(() => {
  document.body.innerHTML = "";
  localStorage.clear();
});

describe("React widgets share requests", () => {
  it("50 <MemberPrice>s rendered together make exactly one memberPrices request with 50 ids", async () => {
    const api = fakeApi();
    const { container } = await render(
      <KinshipProvider endpoint="/apps/kinship/graphql" fetch={api.fetch}>
        {ids.map((id) => (
          <MemberPrice key={id} variantId={id} price={2000} currency="USD" />
        ))}
      </KinshipProvider>,
    );
    await settle();

    const prices = api.of("KinshipPrices");
    expect(prices).toHaveLength(1);
    expect(prices[0]?.variables.ids).toEqual(ids);
    expect(api.of("KinshipMe")).toHaveLength(1);
    const shown = Array.from(container.querySelectorAll(".kinship-price strong")).map((e) => e.textContent);
    expect(shown).toHaveLength(50);
    expect(shown.every((t) => t === "Member price $18.00")).toBe(true);
  });

  it("dedupes repeated variants and asks for `me` once for every widget of a provider", async () => {
    const api = fakeApi();
    await render(
      <KinshipProvider endpoint="/apps/kinship/graphql" fetch={api.fetch}>
        <MemberBadge />
        <PointsBalance />
        <MemberPrice variantId="a" price={2000} />
        <MemberPrice variantId="a" price={2000} />
        <MemberPrice variantId="b" price={2000} />
      </KinshipProvider>,
    );
    await settle();
    expect(api.of("KinshipMe")).toHaveLength(1);
    expect(api.of("KinshipPrices").map((c) => c.variables.ids)).toEqual([["a", "b"]]);
  });

  it("prices mounted in a later tick go in a second batch; cached ones are not asked again", async () => {
    const api = fakeApi();
    const page = (list: string[]) => (
      <KinshipProvider endpoint="/apps/kinship/graphql" fetch={api.fetch}>
        {list.map((id) => (
          <MemberPrice key={id} variantId={id} price={2000} />
        ))}
      </KinshipProvider>
    );
    const { container } = await render(page(["a", "b"]));
    await settle();
    const { unmount } = await render(page(["b", "c", "d"]));
    await settle();
    // A second provider is a second session; within one provider, "b" would come from the cache.
    expect(api.of("KinshipPrices").map((c) => c.variables.ids)).toEqual([
      ["a", "b"],
      ["b", "c", "d"],
    ]);
    unmount();
    expect(container.querySelectorAll(".kinship-price")).toHaveLength(2);
  });

  it("sends the member token, or the program key for guests", async () => {
    const member = fakeApi();
    await render(
      <KinshipProvider endpoint="https://api.example/storefront/graphql" program="demo" token="t.e.st" fetch={member.fetch}>
        <MemberBadge />
      </KinshipProvider>,
    );
    const guest = fakeApi({ me: null });
    await render(
      <KinshipProvider endpoint="https://api.example/storefront/graphql" program="demo" fetch={guest.fetch}>
        <MemberBadge />
      </KinshipProvider>,
    );
    await settle();
    expect(member.calls[0]?.headers.get("authorization")).toBe("Bearer t.e.st");
    expect(member.calls[0]?.headers.get("x-kinship-program")).toBeNull();
    expect(guest.calls[0]?.headers.get("authorization")).toBeNull();
    expect(guest.calls[0]?.headers.get("x-kinship-program")).toBe("demo");
  });

  it("on a Medusa storefront, sends the customer's token and the publishable key Medusa's Store API requires", async () => {
    const api = fakeApi();
    const headers = { "x-publishable-api-key": "pk_test" };
    await render(
      <KinshipProvider
        endpoint="https://shop.example/store/kinship/graphql"
        token="medusa.jwt"
        customerId="cus_1"
        headers={headers}
        fetch={api.fetch}
      >
        <MemberBadge />
      </KinshipProvider>,
    );
    await settle();
    expect(api.calls[0]?.headers.get("authorization")).toBe("Bearer medusa.jwt");
    expect(api.calls[0]?.headers.get("x-publishable-api-key")).toBe("pk_test");
  });
});
