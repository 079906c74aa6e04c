// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { snapshotKey } from "../src/core/snapshot.ts";
import { KinshipProvider, MemberBadge, MemberPrice, PartnerPerks, PointsBalance, TierProgress } from "../src/index.ts";
import { createMemberToken } from "../src/server/index.ts";
import { fakeApi, gold, perkOf } from "./support/api.ts";
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

  it("partner perks: the last good list and the member's codes, marked out of date, with no claim possible", async () => {
    const perks = [perkOf("cafe", "Corner Café", { codes: [{ partner: "cafe", code: "CAFE-1", claimedAt: "2026-05-01T00:00:00Z" }] })];
    const first = await render(
      <KinshipProvider endpoint={endpoint} customerId="42" fetch={fakeApi({ perks }).fetch}>
        <PartnerPerks />
      </KinshipProvider>,
    );
    await settle();
    expect((first.container.querySelector(".kinship-perks button") as HTMLButtonElement).disabled).toBe(false);
    first.unmount();

    const { container } = await render(
      <KinshipProvider endpoint={endpoint} customerId="42" fetch={fakeApi({ down: true }).fetch}>
        <PartnerPerks />
      </KinshipProvider>,
    );
    await settle();
    expect(container.querySelector(".kinship-perks__codes")?.textContent).toBe("Your codes: CAFE-1");
    expect(container.querySelector(".kinship-perks .kinship-stale")?.textContent).toBe("may be out of date");
    expect((container.querySelector(".kinship-perks button") as HTMLButtonElement).disabled).toBe(true);
  });

  it("partner perks: codes answered for another shopper than the page declares are not kept; no snapshot, an empty box", async () => {
    const perks = [perkOf("cafe", "Corner Café", { codes: [{ partner: "cafe", code: "CAFE-1", claimedAt: "2026-05-01T00:00:00Z" }] })];
    const first = await render(
      <KinshipProvider endpoint={endpoint} customerId="7" fetch={fakeApi({ me: gold, perks }).fetch}>
        <PartnerPerks />
      </KinshipProvider>,
    );
    await settle();
    first.unmount();
    expect(localStorage.getItem(snapshotKey(endpoint, undefined, "7"))).toBeNull();

    const { container } = await render(
      <KinshipProvider endpoint={endpoint} customerId="7" fetch={fakeApi({ down: true }).fetch}>
        <PartnerPerks />
      </KinshipProvider>,
    );
    await settle();
    const section = container.querySelector<HTMLElement>(".kinship-perks");
    expect(section?.querySelectorAll("li")).toHaveLength(0);
    expect(section?.querySelector(".kinship-stale")).toBeNull();
    expect(section?.getAttribute("aria-busy")).toBeNull();
    expect(section?.style.minHeight).toBe("8em");
  });
});
