import { progressView } from "../core/view.ts";
import { useKinship } from "./context.tsx";
import { cx } from "./cx.ts";
import { useMe } from "./hooks.ts";
import { Stale } from "./Stale.tsx";
import { boxes } from "./styles.ts";

export interface TierProgressProps {
  className?: string;
}

/** A progress bar towards the next tier and "320 more to reach Platinum"; empty for guests. */
export function TierProgress({ className }: TierProgressProps) {
  const { messages, locale } = useKinship();
  const me = useMe();
  const member = me.status === "ready" ? me.value : null;
  const view = member ? progressView(member, messages, locale) : null;
  return (
    <div className={cx("kinship-tier-progress", className)} style={boxes.progress} aria-busy={me.status === "loading" || undefined}>
      {view?.max !== undefined && (
        <progress value={view.value} max={view.max} aria-label={view.label} style={{ display: "block", width: "100%", height: "0.75em" }} />
      )}
      <span aria-live="polite" style={{ display: "block" }}>
        {view?.text}
      </span>
      <Stale show={me.status === "ready" && me.stale} />
    </div>
  );
}
