import { createElement, Fragment, useId, useState } from "react";
import { fill } from "../core/format.ts";
import type { PerkMessages } from "../core/messages.ts";
import type { Perk } from "../core/types.ts";
import { errorCode } from "./client.ts";
import { useKinship } from "./context.tsx";
import { cx } from "./cx.ts";
import { usePerks } from "./hooks.ts";
import { Stale } from "./Stale.tsx";
import { boxes, buttonCss, visuallyHidden } from "./styles.ts";

export interface PartnerPerksProps {
  /** The heading's level (h2 by default). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  className?: string;
}

type Outcome = { ok: true; code: string } | { ok: false; soldOut: boolean };

/** Why a perk cannot be claimed, in words; the tier by its key (a perk carries no tier name). */
function blockedText(p: Perk, m: PerkMessages): string {
  if (p.blockedBy === "SIGN_IN") return m.perkSignIn;
  if (p.blockedBy === "TIER") return fill(m.perkTier, { tier: p.minTier ?? "" });
  if (p.blockedBy === "LIMIT") return m.perkClaimed;
  return m.perkSoldOut;
}

/**
 * The program's partner perks with a Claim button each (or why it cannot be claimed), and the
 * codes the member already claimed; a claim shows its code.
 */
export function PartnerPerks({ headingLevel = 2, className }: PartnerPerksProps) {
  const { session, messages } = useKinship();
  const perks = usePerks();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const headingId = useId();
  const list = perks.status === "ready" ? perks.value : [];
  const stale = perks.status === "ready" && perks.stale;

  const claim = (partner: string) => {
    setBusy(partner);
    setOutcome(null);
    // A key per click: a retried request of this attempt cannot claim a second code. Made inside
    // the chain so that a browser without randomUUID (insecure context) ends in the failure path.
    Promise.resolve()
      .then(() => session.claimPerk(partner, crypto.randomUUID()))
      .then(
        (c) => {
          setOutcome({ ok: true, code: c.code });
          setBusy(null);
          session.refresh();
        },
        (error: unknown) => {
          const code = errorCode(error);
          setOutcome({ ok: false, soldOut: code === "PerksSoldOut" });
          setBusy(null);
          // The API refused (sold out, limit, tier, signed out): show the perks as they now stand.
          if (code) session.refresh();
        },
      );
  };

  return (
    <section
      className={cx("kinship-perks", className)}
      style={boxes.perks}
      aria-labelledby={headingId}
      aria-busy={perks.status === "loading" || undefined}
    >
      <style>{buttonCss}</style>
      {createElement(`h${headingLevel}`, { id: headingId }, messages.perks)}
      {perks.status === "ready" && list.length === 0 && <p>{messages.noPerks}</p>}
      <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {list.map((p) => (
          <li
            key={p.partner}
            style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: "0.25em 0.75em", padding: "0.35em 0" }}
          >
            <span style={{ flex: 1 }}>
              {p.name}
              <span style={{ display: "block", fontSize: "0.85em" }}>{p.perk}</span>
            </span>
            {p.claimable ? (
              <button type="button" className="kinship-button" disabled={stale || busy !== null} onClick={() => claim(p.partner)}>
                {busy === p.partner ? messages.claiming : messages.claim}
                <span style={visuallyHidden}> {p.name}</span>
              </button>
            ) : (
              <span className="kinship-perks__blocked">{blockedText(p, messages)}</span>
            )}
            {p.codes.length > 0 && (
              <span className="kinship-perks__codes" style={{ flexBasis: "100%", fontSize: "0.85em" }}>
                {messages.perkCodes}{" "}
                {p.codes.map((c, i) => (
                  <Fragment key={c.code}>
                    {i > 0 && ", "}
                    <code>{c.code}</code>
                  </Fragment>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p aria-live="polite" className="kinship-perks__result">
        {outcome?.ok && (
          <>
            {messages.code} <code>{outcome.code}</code>
          </>
        )}
        {outcome && !outcome.ok && (outcome.soldOut ? messages.perkSoldOut : messages.claimFailed)}
      </p>
      <Stale show={stale} />
    </section>
  );
}
