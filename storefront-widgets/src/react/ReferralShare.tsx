import { createElement, useId, useState } from "react";
import { referralView } from "../core/member-view.ts";
import { useKinship } from "./context.tsx";
import { cx } from "./cx.ts";
import { useReferrals } from "./hooks.ts";
import { boxes, buttonCss, note } from "./styles.ts";

export interface ReferralShareProps {
  /** The heading's level (h2 by default). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  className?: string;
}

/**
 * The member's referral code and link with a copy button, what friends get and what the member
 * earns, and the referrals so far; nothing for guests or a program without referrals.
 */
export function ReferralShare({ headingLevel = 2, className }: ReferralShareProps) {
  const { messages: m, locale } = useKinship();
  const data = useReferrals();
  const headingId = useId();
  const [copied, setCopied] = useState(false);
  const view = data.status === "ready" ? referralView(data.value, m, locale) : undefined;
  if (data.status === "error" || view === null) return null;
  const share = view?.link ?? view?.code ?? "";
  const copy = (input: HTMLInputElement | null) => {
    setCopied(false);
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(share))
      .then(
        () => setCopied(true),
        // No clipboard (an insecure context, a denied permission): select it for the shopper to copy.
        () => input?.select(),
      );
  };
  return (
    <section
      className={cx("kinship-referral", className)}
      style={boxes.referral}
      aria-labelledby={headingId}
      aria-busy={data.status === "loading" || undefined}
    >
      <style>{buttonCss}</style>
      {createElement(`h${headingLevel}`, { id: headingId }, m.referralTitle)}
      {view?.offer && <p className="kinship-referral__offer">{view.offer}</p>}
      {view && (
        <>
          <p className="kinship-referral__code">
            {m.referralCode} <code>{view.code}</code>
          </p>
          <div style={{ display: "flex", gap: "0.5em" }}>
            <input
              id={`${headingId}-link`}
              type="text"
              readOnly
              value={share}
              aria-label={m.referralLink}
              style={{ flex: 1, minWidth: 0, font: "inherit" }}
            />
            <button
              type="button"
              className="kinship-button"
              onClick={(e) => copy(e.currentTarget.parentElement?.querySelector("input") ?? null)}
            >
              {m.referralCopy}
            </button>
          </div>
          <small className="kinship-referral__counts" style={note}>
            {view.counts}
          </small>
        </>
      )}
      <p aria-live="polite" className="kinship-referral__result" style={note}>
        {copied ? m.referralCopied : ""}
      </p>
    </section>
  );
}
