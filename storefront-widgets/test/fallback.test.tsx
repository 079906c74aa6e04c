// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { snapshotKey } from "../src/core/snapshot.ts";
import { KinshipProvider, MemberBadge, MemberPrice, PointsBalance, TierProgress } from "../src/index.ts";
import { createMemberToken } from "../src/server/member-token.ts";
import { fakeApi } from "./support/api.ts";
import { render, settle } from "./support/render.tsx";

afterEach(() => {
  document.body.innerHTML = "";
  localStorage.clear();
});

const endpoint = "https://api.example/storefront/graphql";
const widgets = (
  <>
    <MemberBadge />
    <PointsBalance />
    <TierProgress />
    <MemberPrice variantId="v1" price={2000} currency="USD" />
  </>
);

describe("when the API is unreachable", () => {
  it("shows the last good snapshot for this endpoint, program and customer, marked as possibly out of date", async () => {
    const token = await createMemberToken({ secret: "s", program: "demo", customerId: "42" });
    const up = fakeApi();
    const first = await render(
      <KinshipProvider endpoint={endpoint} program="demo" token={token} fetch={up.fetch}>
        {widgets}
      </KinshipProvider>,
    );
    await settle();
    expect(first.container.textContent).not.toContain("may be out of date");
    expect(localStorage.getItem(snapshotKey(endpoint, "demo", "42"))).toContain("1974");
    first.unmount();

    const down = fakeApi({ down: true });
    const { container } = await render(
      <KinshipProvider endpoint={endpoint} program="demo" token={token} fetch={down.fetch}>
        {widgets}
      </KinshipProvider>,
    );
    await settle();
    expect(down.calls.length).toBeGreaterThan(0);
    expect(container.querySelector(".kinship-badge")?.textContent).toContain("Gold member");
    expect(container.querySelector(".kinship-points")?.textContent).toContain("1,974 points");
    expect(container.querySelector(".kinship-price strong")?.textContent).toBe("Member price $18.00");
    expect(container.querySelectorAll(".kinship-stale").length).toBe(4);
    expect(container.querySelector(".kinship-stale")?.textContent).toBe("may be out of date");
  });

  it("never shows another customer's snapshot", async () => {
    const up = fakeApi();
    const first = await render(
      <KinshipProvider endpoint={endpoint} customerId="42" fetch={up.fetch}>
        {widgets}
      </KinshipProvider>,
    );
    await settle();
    first.unmount();

    const down = fakeApi({ down: true });
    const { container } = await render(
      <KinshipProvider endpoint={endpoint} customerId="7" fetch={down.fetch}>
        {widgets}
      </KinshipProvider>,
    );
    await settle();
    expect(container.textContent).not.toContain("Gold");
    expect(container.textContent).not.toContain("1,974");
  });

  it("falls back to a neutral view without a snapshot: base price, empty badge and points, boxes kept", async () => {
    const down = fakeApi({ down: true });
    const { container } = await render(
      <KinshipProvider endpoint={endpoint} fetch={down.fetch}>
        {widgets}
      </KinshipProvider>,
    );
    await settle();
    const price = container.querySelector<HTMLElement>(".kinship-price");
    expect(price?.textContent).toBe("$20.00");
    expect(price?.getAttribute("aria-busy")).toBeNull();
    expect(price?.style.minHeight).toBe("2.8em");
    expect(container.querySelector(".kinship-badge")?.textContent).toBe("");
    expect(container.querySelector(".kinship-points")?.textContent).toBe("");
    expect(container.querySelector(".kinship-stale")).toBeNull();
  });

  it("a fresh answer replaces the snapshot", async () => {
    const key = snapshotKey(endpoint, "", "guest");
    localStorage.setItem(key, JSON.stringify({ me: null, prices: { v1: { variantId: "v1", basePrice: 1 } } }));
    const up = fakeApi({ me: null });
    await render(
      <KinshipProvider endpoint={endpoint} fetch={up.fetch}>
        {widgets}
      </KinshipProvider>,
    );
    await settle();
    expect(JSON.parse(localStorage.getItem(key) ?? "{}").prices.v1.basePrice).toBe(2000);
  });
});
