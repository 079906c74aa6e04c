import { type ReactNode, useEffect, useId, useRef } from "react";

interface ModalElement extends HTMLElement {
  show?: () => Promise<void> | void;
  hide?: () => Promise<void> | void;
}

/**
 * A confirmation in App Bridge's modal (`<ui-modal>`): the title bar's primary button confirms,
 * the other cancels (App Bridge proxies their clicks; the dev shim renders them).
 */
export function ConfirmModal({
  open,
  title,
  confirm,
  destructive = false,
  busy = false,
  onConfirm,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  confirm: string;
  destructive?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const id = `kinship-modal-${useId().replace(/:/g, "")}`;
  const modal = useRef<ModalElement | null>(null);
  useEffect(() => {
    if (open) void modal.current?.show?.();
    else void modal.current?.hide?.();
  }, [open]);
  useEffect(() => {
    const element = modal.current;
    if (!element) return;
    element.addEventListener("hide", onClose);
    return () => element.removeEventListener("hide", onClose);
  }, [onClose]);
  const primary = { variant: "primary", ...(destructive ? { tone: "critical" } : {}), ...(busy ? { loading: "" } : {}) };
  return (
    <ui-modal id={id} ref={modal}>
      <div style={{ padding: "16px" }}>{children}</div>
      <ui-title-bar title={title}>
        <button type="button" {...primary} disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </ui-title-bar>
    </ui-modal>
  );
}
