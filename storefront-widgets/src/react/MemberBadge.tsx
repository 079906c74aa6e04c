import { badgeView } from "../core/view.ts";
import { useKinship } from "./context.tsx";
import { cx } from "./cx.ts";
import { useMe } from "./hooks.ts";
import { Stale } from "./Stale.tsx";
import { boxes, pill } from "./styles.ts";

export interface MemberBadgeProps {
  /** "pill" (the tier colour as background, default) or "text" (inherits the theme's colours). */
  variant?: "pill" | "text";
  className?: string;
}

/** "Gold member" for members; an empty reserved box for guests and while loading. */
export function MemberBadge({ variant = "pill", className }: MemberBadgeProps) {
  const { messages } = useKinship();
  const me = useMe();
  const view = me.status === "ready" ? badgeView(me.value, messages) : null;
  return (
    <span className={cx("kinship-badge", className)} style={boxes.badge} aria-busy={me.status === "loading" || undefined}>
      <span aria-live="polite">
        {view && (
          <span
            className="kinship-badge__label"
            style={variant === "pill" ? { ...pill, background: view.color, color: view.textColor } : undefined}
          >
            {view.iconSrc && <img src={view.iconSrc} alt="" width={16} height={16} />}
            {view.iconText && <span aria-hidden="true">{view.iconText}</span>}
            {view.text}
          </span>
        )}
      </span>
      <Stale show={me.status === "ready" && me.stale} inline />
    </span>
  );
}
