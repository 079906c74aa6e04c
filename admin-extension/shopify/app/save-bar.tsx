import { useEffect, useId, useRef } from "react";

export interface SaveBarProps {
  /** The form has unsaved changes: the bar shows while this is true. */
  dirty: boolean;
  /** A save is in flight: the Save button shows it is busy and both buttons are disabled. */
  saving?: boolean;
  onSave: () => void;
  onDiscard: () => void;
}

interface SaveBarElement extends HTMLElement {
  show?: () => Promise<void> | void;
  hide?: () => Promise<void> | void;
}

/**
 * App Bridge's contextual save bar (`<ui-save-bar>`), shown while the form is dirty. App Bridge
 * (and the dev shim) take the two child buttons: `variant="primary"` saves, the other discards.
 */
export function SaveBar({ dirty, saving = false, onSave, onDiscard }: SaveBarProps) {
  const id = `kinship-save-bar-${useId().replace(/:/g, "")}`;
  const bar = useRef<SaveBarElement | null>(null);

  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    if (dirty) void element.show?.();
    else void element.hide?.();
  }, [dirty]);

  // A bar must not outlive its form: App Bridge would keep it up over the next screen.
  useEffect(() => {
    const element = bar.current;
    return () => void element?.hide?.();
  }, []);

  const busy = saving ? { loading: "", disabled: true } : {};
  return (
    <ui-save-bar id={id} ref={bar}>
      <button type="button" {...{ variant: "primary" }} {...busy} onClick={onSave}>
        Save
      </button>
      <button type="button" disabled={saving} onClick={onDiscard}>
        Discard
      </button>
    </ui-save-bar>
  );
}
