import { act } from "react";

/** The accessible name, as far as these screens need it: aria-label, aria-labelledby, <label for>, wrapping label, text. */
export function nameOf(el: Element): string {
  const label = el.getAttribute("aria-label");
  if (label) return label.trim();
  const by = el.getAttribute("aria-labelledby");
  if (by)
    return by
      .split(/\s+/)
      .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? "")
      .join(" ")
      .trim();
  if (el.id) {
    const forLabel = el.ownerDocument.querySelector(`label[for="${CSS.escape(el.id)}"]`);
    if (forLabel) return (forLabel.textContent ?? "").trim();
  }
  const wrapping = el.closest("label");
  if (wrapping) return (wrapping.textContent ?? "").trim();
  if (el.tagName === "BUTTON" || el.getAttribute("role") === "tab" || el.getAttribute("role") === "option")
    return (el.textContent ?? "").trim();
  return "";
}

const roles: Record<string, string> = {
  button: "button, [role=button]",
  textbox: "input:not([type]), input[type=text], textarea",
  combobox: "[role=combobox]",
  switch: "[role=switch]",
  checkbox: "[role=checkbox], input[type=checkbox]",
  tab: "[role=tab]",
  option: "[role=option]",
  table: "table",
  alert: "[role=alert]",
  region: "[role=region], section[aria-labelledby], section[aria-label]",
  group: "fieldset",
  list: "ul, ol, [role=list]",
  tabpanel: "[role=tabpanel]",
};

/** Every element of a role under `root`, optionally with an exact (string) or matching (RegExp) name. */
export function allByRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement[] {
  const selector = roles[role] ?? `[role=${role}]`;
  return [...root.querySelectorAll<HTMLElement>(selector)].filter((el) => {
    if (name === undefined) return true;
    const n = nameOf(el);
    return typeof name === "string" ? n === name : name.test(n);
  });
}

/** The one element of a role and name; fails with what was there instead. */
export function byRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement {
  const found = allByRole(root, role, name);
  if (found.length === 1) return found[0] as HTMLElement;
  const seen = allByRole(root, role).map(nameOf);
  throw new Error(`expected one ${role} named ${String(name)}, found ${found.length}; there are: ${JSON.stringify(seen)}`);
}

/** The control a visible label names (its `for`), under `root`. */
export function byLabel(root: ParentNode, label: string): HTMLElement {
  const labels = [...root.querySelectorAll("label")].filter((l) => (l.textContent ?? "").trim() === label);
  if (labels.length !== 1) throw new Error(`expected one label "${label}", found ${labels.length}`);
  const id = (labels[0] as HTMLLabelElement).htmlFor;
  const control = document.getElementById(id);
  if (!control) throw new Error(`label "${label}" names no element`);
  return control;
}

/** The group (fieldset) titled `title`: one tier, rule, reward or member price. */
export function group(root: ParentNode, title: string): HTMLElement {
  return byRole(root, "group", title);
}

/** The text of the elements an input's aria-describedby points to (its hint and errors). */
export function descriptionOf(el: Element): string {
  return (el.getAttribute("aria-describedby") ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");
}

/** Types into an input or textarea the way React sees a person typing. */
export async function type(el: HTMLElement, text: string): Promise<void> {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, "value")?.set?.call(el, text);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

export async function click(el: HTMLElement): Promise<void> {
  await act(async () => el.click());
}

/** Opens a Medusa Select and picks the option with this text. */
export async function choose(trigger: HTMLElement, option: string): Promise<void> {
  await click(trigger);
  await click(byRole(document, "option", option));
}

/** Radix tabs switch on mouse down. */
export async function openTab(root: ParentNode, name: string | RegExp): Promise<void> {
  const tab = byRole(root, "tab", name);
  await act(async () => {
    tab.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, button: 0 }));
  });
}

/** The visible text of a table's body rows, cell by cell. */
export function rowsOf(table: HTMLElement): string[][] {
  return [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim()));
}

/** A <dl>'s terms and values. */
export function termsOf(root: ParentNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dt of root.querySelectorAll("dt")) out[(dt.textContent ?? "").trim()] = (dt.nextElementSibling?.textContent ?? "").trim();
  return out;
}
