import { fill } from "../core/format.ts";
import { pointsText } from "../core/view.ts";
import { useKinship } from "./context.tsx";
import { cx } from "./cx.ts";
import { useMe } from "./hooks.ts";
import { Stale } from "./Stale.tsx";
import { boxes } from "./styles.ts";

export interface PointsBalanceProps {
  /** Also show pending points ("+120 pending"). */
  showPending?: boolean;
  className?: string;
}

/** "1,974 points" for members; an empty reserved box for guests and while loading. */
export function PointsBalance({ showPending = false, className }: PointsBalanceProps) {
  const { messages, locale } = useKinship();
  const me = useMe();
  const member = me.status === "ready" ? me.value : null;
  return (
    <span className={cx("kinship-points", className)} style={boxes.points} aria-busy={me.status === "loading" || undefined}>
      <span aria-live="polite">
        {member && <strong>{pointsText(member.points.available, messages, locale)}</strong>}
        {member && showPending && member.points.pending > 0 && (
          <span> {fill(messages.pending, { points: pointsText(member.points.pending, messages, locale) })}</span>
        )}
      </span>
      <Stale show={me.status === "ready" && me.stale} />
    </span>
  );
}
