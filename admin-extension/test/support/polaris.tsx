import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json" with { type: "json" };
import { act, type ReactNode } from "react";
import type { AdminClient } from "../../shared/client.ts";
import { render } from "./render.tsx";

/** What the screens asked App Bridge to show (the shell's toast() calls `shopify.toast.show`). */
export const toasts: { message: string; isError: boolean }[] = [];

/** The host's App Bridge, as far as the screens use it: toasts. */
function installAppBridge() {
  toasts.length = 0;
  (globalThis as { shopify?: unknown }).shopify = {
    toast: { show: (message: string, options?: { isError?: boolean }) => toasts.push({ message, isError: options?.isError ?? false }) },
  };
}

/** Renders a Shopify admin screen inside the providers the shell gives it: React Query, the client, Polaris's AppProvider. */
export async function renderScreen(ui: ReactNode, client: AdminClient) {
  installAppBridge();
  return render(<AppProvider i18n={en}>{ui}</AppProvider>, client);
}

/** Picks an option of a native <select> (Polaris's Select) the way React sees a person choose it. */
export async function select(el: HTMLElement, value: string): Promise<void> {
  if (!(el instanceof HTMLSelectElement)) throw new Error(`not a <select>: ${el.outerHTML.slice(0, 80)}`);
  if (![...el.options].some((o) => o.value === value))
    throw new Error(`no option ${value}; there are ${[...el.options].map((o) => o.value).join(", ")}`);
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")?.set?.call(el, value);
    el.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

/** The card (section) titled `title`: one tier, rule, reward, member price or partner. */
export function card(root: ParentNode, title: string): HTMLElement {
  const found = [...root.querySelectorAll<HTMLElement>("section[aria-labelledby]")].filter(
    (s) => document.getElementById(s.getAttribute("aria-labelledby") ?? "")?.textContent?.trim() === title,
  );
  if (found.length !== 1) throw new Error(`expected one card "${title}", found ${found.length}`);
  return found[0] as HTMLElement;
}

/** App Bridge's save bar's buttons (the shell's <SaveBar> renders them inside <ui-save-bar>). */
export function saveBarButton(root: ParentNode, name: "Save" | "Discard"): HTMLButtonElement {
  const button = [...root.querySelectorAll("ui-save-bar button")].find((b) => b.textContent === name);
  if (!button) throw new Error(`no ${name} button in the save bar`);
  return button as HTMLButtonElement;
}
