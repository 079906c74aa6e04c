import { createElement, useEffect, useId, useRef } from "react";

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
 * App Bridge's contextual save bar (`<ui-save-bar>`), shown while the form is dirty.
 * App Bridge (and the dev shim) read the two child buttons: `variant="primary"` saves, the other discards.
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

  // Hide on unmount so a bar never outlives its form (App Bridge keeps it up otherwise).
  useEffect(() => {
    const element = bar.current;
    return () => void element?.hide?.();
  }, []);

  return createElement(
    "ui-save-bar",
    { id, ref: bar },
    createElement(
      "button",
      {
        type: "button",
        variant: "primary",
        loading: saving ? "" : undefined,
        disabled: saving || undefined,
        onClick: onSave,
      },
      "Save",
    ),
    createElement("button", { type: "button", disabled: saving || undefined, onClick: onDiscard }, "Discard"),
  );
}
