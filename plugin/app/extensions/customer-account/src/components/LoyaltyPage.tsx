/** @jsxImportSource preact */
import { useEffect, useMemo, useState } from "preact/hooks";
import type { LoyaltyClient } from "../data/client.ts";
import { type KeyedActionOptions, keyedAction } from "../data/keyed-action.ts";
import type { Loyalty } from "../data/types.ts";
import { type ClaimState, PerksSection } from "./PerksSection.tsx";
import { type RedeemState, RewardsSection } from "./RewardsSection.tsx";
import { TierCard } from "./TierCard.tsx";

type Load = { status: "loading" } | { status: "failed"; message: string } | { status: "ready"; loyalty: Loyalty };

interface Props {
  client: LoyaltyClient;
  /** How redeem and claim retry (tests make the waits instant). */
  retry?: KeyedActionOptions;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : "Something went wrong");

/**
 * The loyalty page: tier and progress, points, rewards to redeem, partner perks and the member's
 * codes. Redeeming goes through one keyed action per reward: a double click or a retry spends once.
 */
export function LoyaltyPage({ client, retry }: Props) {
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [redeems, setRedeems] = useState<Record<string, RedeemState>>({});
  const [claims, setClaims] = useState<Record<string, ClaimState>>({});
  const redeemer = useMemo(() => keyedAction((id, key) => client.redeem(id, key), retry), [client, retry]);
  const claimer = useMemo(() => keyedAction((partner, key) => client.claimPerk(partner, key), retry), [client, retry]);

  const refresh = () =>
    client.loyalty().then(
      (loyalty) => setLoad({ status: "ready", loyalty }),
      (e) => setLoad((was) => (was.status === "ready" ? was : { status: "failed", message: messageOf(e) })),
    );
  useEffect(() => {
    void refresh();
  }, [client]);

  const onRedeem = (rewardId: string) => {
    setRedeems((s) => ({ ...s, [rewardId]: { status: "busy" } }));
    redeemer.run(rewardId).then(
      (redemption) => {
        setRedeems((s) => ({ ...s, [rewardId]: { status: "done", redemption } }));
        void refresh();
      },
      (e) => setRedeems((s) => ({ ...s, [rewardId]: { status: "failed", message: messageOf(e) } })),
    );
  };
  const onClaim = (partner: string) => {
    setClaims((s) => ({ ...s, [partner]: { status: "busy" } }));
    claimer.run(partner).then(
      () => {
        setClaims(({ [partner]: _, ...rest }) => rest);
        void refresh();
      },
      (e) => setClaims((s) => ({ ...s, [partner]: { status: "failed", message: messageOf(e) } })),
    );
  };

  if (load.status === "loading")
    return (
      <s-page heading="Loyalty">
        <s-spinner accessibilityLabel="Loading your rewards" />
      </s-page>
    );
  if (load.status === "failed")
    return (
      <s-page heading="Loyalty">
        <s-banner tone="critical" heading="Your rewards could not be loaded">
          <s-paragraph>{load.message}</s-paragraph>
        </s-banner>
      </s-page>
    );
  const { member, rewards, perks } = load.loyalty;
  return (
    <s-page heading="Loyalty">
      <s-stack gap="base">
        {member ? <TierCard member={member} /> : <s-paragraph>You are not a member of the loyalty program yet.</s-paragraph>}
        <RewardsSection rewards={rewards} states={redeems} onRedeem={onRedeem} />
        <PerksSection perks={perks} states={claims} onClaim={onClaim} />
      </s-stack>
    </s-page>
  );
}
