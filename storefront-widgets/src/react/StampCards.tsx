import { createElement, useId } from "react";
import { stampView } from "../core/member-view.ts";
import { useKinship } from "./context.tsx";
import { cx } from "./cx.ts";
import { useCampaigns } from "./hooks.ts";
import { boxes, list, note, row } from "./styles.ts";

export interface StampCardsProps {
  /** The heading's level (h2 by default). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  className?: string;
}

/** Each stamp card: ●●●○○ "3 of 5" and the cards filled; nothing for guests or a program without stamp cards. */
export function StampCards({ headingLevel = 2, className }: StampCardsProps) {
  const { messages: m, locale } = useKinship();
  const data = useCampaigns();
  const headingId = useId();
  const me = data.status === "ready" ? data.value.me : undefined;
  if (data.status === "error" || me === null || me?.stampCards.length === 0) return null;
  return (
    <section
      className={cx("kinship-stamps", className)}
      style={boxes.stamps}
      aria-labelledby={headingId}
      aria-busy={data.status === "loading" || undefined}
    >
      {createElement(`h${headingLevel}`, { id: headingId }, m.stampCards)}
      <ul style={list}>
        {me?.stampCards.map((card) => {
          const v = stampView(card, m, locale);
          return (
            <li key={card.id} className="kinship-stamps__card" style={row}>
              <span style={{ flex: 1 }}>{card.name}</span>
              {v.dots && (
                <span aria-hidden="true" style={{ letterSpacing: "0.15em" }}>
                  {v.dots}
                </span>
              )}
              <span className="kinship-stamps__progress">{v.progress}</span>
              {v.filled && <small style={{ ...note, flexBasis: "100%" }}>{v.filled}</small>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
