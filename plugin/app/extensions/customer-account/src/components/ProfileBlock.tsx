/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import type { LoyaltyClient } from "../data/client.ts";
import { points } from "../data/text.ts";
import type { Member } from "../data/types.ts";

/** Where the profile block links: the full-page target of this extension (its handle in shopify.extension.toml). */
export const LOYALTY_PAGE = "extension:kinship-loyalty/";

type Load = { status: "loading" } | { status: "failed" } | { status: "ready"; member: Member | null };

/** On the profile page: the member's tier and points and a link to the loyalty page. */
export function ProfileBlock({ client }: { client: LoyaltyClient }) {
  const [load, setLoad] = useState<Load>({ status: "loading" });
  useEffect(() => {
    client.member().then(
      (member) => setLoad({ status: "ready", member }),
      () => setLoad({ status: "failed" }),
    );
  }, [client]);
  if (load.status === "loading") return <s-spinner accessibilityLabel="Loading your rewards" />;
  return (
    <s-section heading="Loyalty">
      <s-stack gap="small-200">
        {load.status === "failed" && <s-text color="subdued">Your rewards could not be loaded.</s-text>}
        {load.status === "ready" && load.member && (
          <s-stack direction="inline" gap="base" alignItems="center">
            <s-badge>{load.member.tier.badge?.label ?? load.member.tier.name}</s-badge>
            <s-text type="strong">{points(load.member.points.available)}</s-text>
          </s-stack>
        )}
        <s-link href={LOYALTY_PAGE}>See your rewards</s-link>
      </s-stack>
    </s-section>
  );
}
