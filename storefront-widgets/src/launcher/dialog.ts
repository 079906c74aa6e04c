const FOCUSABLE =
  'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

export interface ModalDialog {
  open(): void;
  close(): void;
  isOpen(): boolean;
}

/**
 * A modal dialog opened by `button`: the button toggles it and says so (aria-expanded); on open
 * focus moves to the dialog's first focusable element and stays inside (Tab wraps, focus that
 * lands outside is brought back); Escape or close() hides it and returns focus to the button.
 */
export function modalDialog(button: HTMLButtonElement, dialog: HTMLElement, onOpen: () => void): ModalDialog {
  const doc = dialog.ownerDocument;
  let open = false;
  dialog.tabIndex = -1;
  const focusables = () => Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((e) => !e.closest("[hidden]"));
  const first = () => (focusables()[0] ?? dialog).focus();

  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      return close();
    }
    if (e.key !== "Tab") return;
    const f = focusables();
    const active = doc.activeElement;
    const edge = e.shiftKey ? f[0] : f[f.length - 1];
    if (!f.length || active === edge || active === dialog || !dialog.contains(active)) {
      e.preventDefault();
      (e.shiftKey ? (f[f.length - 1] ?? dialog) : (f[0] ?? dialog)).focus();
    }
  };
  const onFocusIn = (e: FocusEvent) => {
    if (e.target !== button && !dialog.contains(e.target as Node)) first();
  };

  function show() {
    if (open) return;
    open = true;
    dialog.hidden = false;
    button.setAttribute("aria-expanded", "true");
    doc.addEventListener("keydown", onKey, true);
    doc.addEventListener("focusin", onFocusIn);
    onOpen();
    first();
  }

  function close() {
    if (!open) return;
    open = false;
    dialog.hidden = true;
    button.setAttribute("aria-expanded", "false");
    doc.removeEventListener("keydown", onKey, true);
    doc.removeEventListener("focusin", onFocusIn);
    button.focus();
  }

  button.addEventListener("click", () => (open ? close() : show()));
  return { open: show, close, isOpen: () => open };
}
