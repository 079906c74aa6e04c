import { createElement, useId } from "react";
import { badgeItems } from "../core/member-view.ts";
import { useKinship } from "./context.tsx";
import { cx } from "./cx.ts";
import { useCampaigns } from "./hooks.ts";
import { boxes, list, note, pill } from "./styles.ts";

export interface EarnedBadgesProps {
  /** The heading's level (h2 by default). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  className?: string;
}

/** The achievement badges the member earned ("First review", "10 orders"), with icon and colour; nothing for guests. */
export function EarnedBadges({ headingLevel = 2, className }: EarnedBadgesProps) {
  const { messages: m, locale } = useKinship();
  const data = useCampaigns();
  const headingId = useId();
  const me = data.status === "ready" ? data.value.me : undefined;
  if (data.status === "error" || me === null) return null;
  const items = me ? badgeItems(me.badges, m, locale) : [];
  return (
    <section
      className={cx("kinship-badges", className)}
      style={boxes.badges}
      aria-labelledby={headingId}
      aria-busy={data.status === "loading" || undefined}
    >
      {createElement(`h${headingLevel}`, { id: headingId }, m.badges)}
      {me && items.length === 0 && <p>{m.noBadges}</p>}
      <ul style={{ ...list, display: "flex", flexWrap: "wrap", gap: "0.75em" }}>
        {items.map((b) => (
          <li key={b.key} className="kinship-badges__badge">
            <span style={{ ...pill, background: b.color ?? "#f5f5f4", color: b.textColor ?? "#1c1917" }}>
              {b.iconSrc && <img src={b.iconSrc} alt="" width={16} height={16} />}
              {b.iconText && <span aria-hidden="true">{b.iconText}</span>}
              {b.name}
            </span>
            {b.description && <small style={note}>{b.description}</small>}
            <small style={note}>{b.earned}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
