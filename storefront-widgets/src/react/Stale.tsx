import { useKinship } from "./context.tsx";
import { note } from "./styles.ts";

/** The subtle line under a value read from the snapshot because the API did not answer. */
export function Stale({ show, inline }: { show: boolean; inline?: boolean }) {
  const { messages } = useKinship();
  if (!show) return null;
  return (
    <small className="kinship-stale" style={inline ? { ...note, display: "inline", marginInlineStart: "0.4em" } : note}>
      {messages.stale}
    </small>
  );
}
