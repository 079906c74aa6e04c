import { createElement, useId, useState } from "react";
import { pointsText } from "../core/view.ts";
import { useKinship } from "./context.tsx";
import { cx } from "./cx.ts";
import { useRewards } from "./hooks.ts";
import { Stale } from "./Stale.tsx";
import { boxes, buttonCss, visuallyHidden } from "./styles.ts";

export interface RewardsListProps {
  /** The heading's level (h2 by default). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  className?: string;
}

type Outcome = { ok: true; code: string } | { ok: false };

/** The program's rewards with a Redeem button each; a redemption shows its discount code. */
export function RewardsList({ headingLevel = 2, className }: RewardsListProps) {
  const { session, messages, locale } = useKinship();
  const rewards = useRewards();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const headingId = useId();
  const list = rewards.status === "ready" ? rewards.value : [];
  const stale = rewards.status === "ready" && rewards.stale;

  const redeem = (rewardId: string) => {
    setBusy(rewardId);
    setOutcome(null);
    // A key per click: this click's automatic retries resend it (one spend, one code), the next
    // click is a new redemption. Made inside the chain so that a browser without randomUUID
    // (insecure context) ends in the failure path.
    Promise.resolve()
      .then(() => session.redeem(rewardId, crypto.randomUUID()))
      .then(
        (r) => {
          setOutcome({ ok: true, code: r.code });
          setBusy(null);
          session.refresh();
        },
        () => {
          setOutcome({ ok: false });
          setBusy(null);
        },
      );
  };

  return (
    <section
      className={cx("kinship-rewards", className)}
      style={boxes.rewards}
      aria-labelledby={headingId}
      aria-busy={rewards.status === "loading" || undefined}
    >
      <style>{buttonCss}</style>
      {createElement(`h${headingLevel}`, { id: headingId }, messages.rewards)}
      {rewards.status === "ready" && list.length === 0 && <p>{messages.noRewards}</p>}
      <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {list.map((r) => (
          <li key={r.id} style={{ display: "flex", alignItems: "center", gap: "0.75em", padding: "0.35em 0" }}>
            <span style={{ flex: 1 }}>
              {r.name}
              <span style={{ display: "block", fontSize: "0.85em" }}>{pointsText(r.cost, messages, locale)}</span>
            </span>
            <button type="button" className="kinship-button" disabled={!r.available || stale || busy !== null} onClick={() => redeem(r.id)}>
              {busy === r.id ? messages.redeeming : messages.redeem}
              <span style={visuallyHidden}> {r.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <p aria-live="polite" className="kinship-rewards__result">
        {outcome?.ok && (
          <>
            {messages.code} <code>{outcome.code}</code>
          </>
        )}
        {outcome && !outcome.ok && messages.redeemFailed}
      </p>
      <Stale show={stale} />
    </section>
  );
}
