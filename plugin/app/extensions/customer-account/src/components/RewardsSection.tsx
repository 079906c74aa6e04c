/** @jsxImportSource preact */
import { points } from "../data/text.ts";
import type { Redemption, Reward } from "../data/types.ts";

export type RedeemState = { status: "busy" } | { status: "done"; redemption: Redemption } | { status: "failed"; message: string };

interface Props {
  rewards: Reward[];
  states: Record<string, RedeemState>;
  onRedeem: (rewardId: string) => void;
}

/** The program's rewards; the ones the member can redeem have a button, a redeemed one shows its code. */
export function RewardsSection({ rewards, states, onRedeem }: Props) {
  return (
    <s-section heading="Rewards">
      {rewards.length === 0 ? (
        <s-paragraph>No rewards yet.</s-paragraph>
      ) : (
        <s-stack gap="base">
          {rewards.map((reward) => {
            const state = states[reward.id];
            return (
              <s-stack key={reward.id} gap="small-200">
                <s-stack direction="inline" gap="base" alignItems="center" justifyContent="space-between">
                  <s-stack gap="none">
                    <s-text type="strong">{reward.name}</s-text>
                    <s-text color="subdued">{points(reward.cost)}</s-text>
                  </s-stack>
                  <s-button
                    variant="primary"
                    disabled={!reward.available || state?.status === "busy"}
                    loading={state?.status === "busy"}
                    accessibilityLabel={`Redeem ${reward.name} for ${points(reward.cost)}`}
                    onClick={() => onRedeem(reward.id)}
                  >
                    {state?.status === "failed" ? "Try again" : "Redeem"}
                  </s-button>
                </s-stack>
                {state?.status === "done" && (
                  <s-banner tone="success" heading="Your code">
                    <s-text type="strong">{state.redemption.code}</s-text>
                  </s-banner>
                )}
                {state?.status === "failed" && <s-banner tone="critical" heading={state.message} />}
              </s-stack>
            );
          })}
        </s-stack>
      )}
    </s-section>
  );
}
