/** @jsxImportSource preact */
import { blockedReason, day } from "../data/text.ts";
import type { Perk } from "../data/types.ts";

export type ClaimState = { status: "busy" } | { status: "failed"; message: string };

interface Props {
  perks: Perk[];
  states: Record<string, ClaimState>;
  onClaim: (partner: string) => void;
}

/** Partner perks: claim the ones open to the member, why the others are not, and the codes already claimed. */
export function PerksSection({ perks, states, onClaim }: Props) {
  if (perks.length === 0) return null;
  return (
    <s-section heading="Partner perks">
      <s-stack gap="base">
        {perks.map((perk) => {
          const state = states[perk.partner];
          return (
            <s-stack key={perk.partner} gap="small-200">
              <s-text type="strong">{perk.name}</s-text>
              <s-paragraph>{perk.perk}</s-paragraph>
              {perk.claimable ? (
                <s-button
                  disabled={state?.status === "busy"}
                  loading={state?.status === "busy"}
                  accessibilityLabel={`Claim ${perk.perk} from ${perk.name}`}
                  onClick={() => onClaim(perk.partner)}
                >
                  {state?.status === "failed" ? "Try again" : "Claim"}
                </s-button>
              ) : (
                perk.blockedBy && <s-text color="subdued">{blockedReason(perk.blockedBy)}</s-text>
              )}
              {state?.status === "failed" && <s-banner tone="critical" heading={state.message} />}
              {perk.codes.length > 0 && (
                <s-stack gap="none">
                  <s-text color="subdued">Your codes</s-text>
                  {perk.codes.map((c) => (
                    <s-text key={c.code}>{`${c.code} (claimed ${day(c.claimedAt)})`}</s-text>
                  ))}
                </s-stack>
              )}
            </s-stack>
          );
        })}
      </s-stack>
    </s-section>
  );
}
