/** The panel's DOM helpers. */

export type Kid = Node | string;

export function h(tag: string, attrs: Record<string, string> = {}, ...kids: Kid[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...kids);
  return e;
}

export function button(label: string, onClick: (b: HTMLButtonElement) => void, cls = "kinship-launcher__action"): HTMLButtonElement {
  const b = h("button", { type: "button", class: cls }, label) as HTMLButtonElement;
  b.addEventListener("click", () => onClick(b));
  return b;
}

export function section(id: string, title: string, ...kids: Kid[]): HTMLElement {
  return h("section", { "aria-labelledby": id }, h("h3", { id }, title), ...kids);
}
