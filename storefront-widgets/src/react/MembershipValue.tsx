import { createElement, useId } from "react";
import { membershipView } from "../core/member-view.ts";
import { useKinship } from "./context.tsx";
import { cx } from "./cx.ts";
import { useMembership } from "./hooks.ts";
import { boxes, buttonCss, list, note, row } from "./styles.ts";

export interface MembershipValueProps {
  /** The heading's level (h2 by default). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  className?: string;
}

/**
 * A paying member's value realised ("You saved $412.00 on a $99.00 membership", its parts on
 * expand) and the membership's status; for members without a plan (or whose plan lapsed) and
 * guests, the plans on sale, linked to their product when the provider's `planUrls` say where.
 * The member's tier says whether it is paid or earned.
 */
export function MembershipValue({ headingLevel = 2, className }: MembershipValueProps) {
  const { messages: m, locale, planUrls } = useKinship();
  const data = useMembership();
  const headingId = useId();
  const view = data.status === "ready" ? membershipView(data.value, m, locale, planUrls) : null;
  if (data.status === "error" || (view && !view.tier && view.plans.length === 0)) return null;
  return (
    <section
      className={cx("kinship-membership", className)}
      style={boxes.membership}
      aria-labelledby={headingId}
      aria-busy={data.status === "loading" || undefined}
    >
      <style>{buttonCss}</style>
      {createElement(`h${headingLevel}`, { id: headingId }, m.membership)}
      {view?.tier && <p className="kinship-membership__tier">{view.tier}</p>}
      {view?.saved && (
        <details className="kinship-membership__value">
          <summary>
            <strong>{view.saved.text}</strong>
          </summary>
          <dl style={{ margin: "0.5em 0" }}>
            {view.saved.parts.map((p) => (
              <div key={p.label} style={{ display: "flex", justifyContent: "space-between", gap: "1em" }}>
                <dt>{p.label}</dt>
                <dd style={{ margin: 0 }}>{p.amount}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {view?.status && <p className="kinship-membership__status">{view.status}</p>}
      {view && view.plans.length > 0 && (
        <>
          <p className="kinship-membership__offer">
            <strong>{m.plans}</strong>
          </p>
          <ul style={list}>
            {view.plans.map((p) => (
              <li key={p.key} className="kinship-membership__plan" style={row}>
                <span style={{ flex: 1 }}>
                  {p.name} · {p.price}
                  {p.freeShipping && <small style={note}>{m.planFreeShipping}</small>}
                </span>
                {p.url && (
                  <a className="kinship-button" href={p.url} style={{ textDecoration: "none" }}>
                    {p.buy}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
