import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { KinshipProvider, MemberBadge, MemberPrice, PartnerPerks, PointsBalance, RewardsList, TierProgress } from "../src/index.ts";

describe("server rendering", () => {
  it("runs without window or localStorage and makes no request", () => {
    expect(typeof window).toBe("undefined");
    let fetched = 0;
    const html = renderToString(
      <KinshipProvider
        endpoint="/apps/kinship/graphql"
        fetch={async () => {
          fetched++;
          return new Response();
        }}
      >
        <MemberBadge />
        <PointsBalance />
        <TierProgress />
        <MemberPrice variantId="v1" price={1999} currency="EUR" />
        <RewardsList />
        <PartnerPerks />
      </KinshipProvider>,
    );
    expect(fetched).toBe(0);
    expect(html).toContain("€19.99");
  });

  it("renders each widget's reserved box as its placeholder", () => {
    const html = (ui: ReactNode) => renderToString(<KinshipProvider endpoint="/apps/kinship/graphql">{ui}</KinshipProvider>);
    const box = (markup: string, cls: string) => {
      const tag = new RegExp(`<(span|div|section) class="${cls}"[^>]*>`).exec(markup)?.[0] ?? "";
      return tag;
    };

    const badge = box(html(<MemberBadge />), "kinship-badge");
    expect(badge).toMatch(/min-width:8em/);
    expect(badge).toMatch(/min-height:1.75em/);
    expect(badge).toContain('aria-busy="true"');

    const price = box(html(<MemberPrice variantId="v1" price={2000} currency="USD" />), "kinship-price");
    expect(price).toMatch(/min-height:2.8em/);
    expect(price).toMatch(/min-width:6em/);

    expect(box(html(<PointsBalance />), "kinship-points")).toMatch(/min-height:1.4em/);
    expect(box(html(<TierProgress />), "kinship-tier-progress")).toMatch(/min-height:3.2em/);
    expect(box(html(<RewardsList />), "kinship-rewards")).toMatch(/min-height:8em/);
    const perks = html(<PartnerPerks />);
    expect(box(perks, "kinship-perks")).toMatch(/min-height:8em/);
    expect(box(perks, "kinship-perks")).toContain('aria-busy="true"');
    expect(perks).toContain(">Partner perks</h2>");
  });

  it("shows the base price with its live region before any data", () => {
    const markup = renderToString(
      <KinshipProvider endpoint="/apps/kinship/graphql" locale="en-US">
        <MemberPrice variantId="v1" price={2000} currency="USD" />
      </KinshipProvider>,
    );
    expect(markup).toContain('aria-live="polite"');
    expect(markup).toContain("$20.00");
    expect(markup).not.toContain("<s>");
  });
});
