import type { Messages } from "../core/messages.ts";
import type { Session } from "../core/session.ts";
import type { SnapshotStore } from "../core/snapshot.ts";
import type { GraphQLRequest, Loaded, Member, MemberPrice } from "../core/types.ts";
import { badgeView, pointsText, priceView } from "../core/view.ts";

export interface EmbedContext {
  session: Session;
  m: Messages;
  /** The session's own requester, snapshot and customer: loyalty.js asks for perks through them. */
  request: GraphQLRequest;
  snapshot: SnapshotStore;
  customer: string | undefined;
  locale?: string;
  currency?: string;
}

let ctx: EmbedContext;

/** The elements on the page, reloaded after a redemption or a claim changed what they show. */
const connected = new Set<KinshipElement>();

/** Forgets the session's answers and reloads every element. */
function refresh(): void {
  ctx.session.refresh();
  for (const e of connected) e.load();
}

/** Elements read the context when they (re)load, so a new one applies to elements connected later. */
export function setContext(next: EmbedContext): void {
  ctx = next;
}

function h(tag: string, cls?: string, ...kids: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  e.append(...kids);
  return e;
}

/** Boxes are reserved before the data arrives (the blocks also inline them, for before this runs). */
export const CSS =
  "kinship-badge,kinship-points,kinship-price{display:inline-block;vertical-align:middle;line-height:1.4}" +
  "kinship-badge{min-width:8em;min-height:1.75em}kinship-points{min-width:6em;min-height:1.4em}" +
  "kinship-price{min-width:6em;min-height:2.8em}kinship-price>span{display:block}" +
  ".kinship-note{display:block;font-size:.75em}kinship-badge .kinship-note{display:inline;margin-left:.4em}" +
  ".kinship-pill{display:inline-flex;align-items:center;gap:.35em;padding:.15em .6em;border-radius:999px;font-size:.875em;font-weight:600}" +
  ".kinship-sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}";

/**
 * Light DOM (theme fonts apply): a live region holding the value, then notes (teaser, "may be
 * out of date"). Whatever the page put inside (e.g. the price from Liquid) shows until the answer.
 */
class KinshipElement extends HTMLElement {
  v = h("span");
  n = h("span");
  q?: boolean;

  connectedCallback() {
    connected.add(this);
    if (!this.v.parentNode) {
      if (this.dataset.live !== "off") this.v.setAttribute("aria-live", "polite");
      this.v.append(...Array.from(this.childNodes));
      this.append(this.v, this.n);
    }
    this.setAttribute("aria-busy", "true");
    this.load();
  }

  disconnectedCallback() {
    connected.delete(this);
  }

  /** Coalesces attribute changes (a variant switch changes several) into one load. */
  attributeChangedCallback() {
    if (this.v.parentNode && !this.q) {
      this.q = true;
      queueMicrotask(() => {
        this.q = false;
        this.load(true);
      });
    }
  }

  load(_changed?: boolean) {}

  /** The words: the element's own attributes (a block passes the theme's translations, `data-regular-price`) win. */
  get m(): Messages {
    return { ...ctx.m, ...this.dataset } as Messages;
  }

  show(value: (Node | string)[], notes: (string | undefined)[], stale?: boolean) {
    // Children a streaming parser added after connectedCallback: the theme's fallback, now replaced.
    if (this.childNodes.length !== 2) this.replaceChildren(this.v, this.n);
    this.v.replaceChildren(...value);
    this.n.replaceChildren(...[...notes, stale ? this.m.stale : ""].filter((t) => t).map((t) => h("small", "kinship-note", t as string)));
    this.removeAttribute("aria-busy");
  }

  /** `me`, or undefined when it failed and no snapshot exists. */
  me(): Promise<Loaded<Member | null> | undefined> {
    return ctx.session.me().catch(() => undefined);
  }
}

class Badge extends KinshipElement {
  override load() {
    this.me().then((me) => {
      const v = me && badgeView(me.value, this.m);
      if (!v) return this.show([], []);
      const pill = h("span", "kinship-pill");
      if (this.dataset.style !== "text") {
        pill.style.background = v.color || "";
        pill.style.color = v.textColor || "";
      }
      if (v.iconSrc) {
        const img = h("img") as HTMLImageElement;
        img.alt = "";
        img.src = v.iconSrc;
        img.width = img.height = 16;
        pill.append(img);
      }
      if (v.iconText) {
        const icon = h("span", "", v.iconText);
        icon.setAttribute("aria-hidden", "true");
        pill.append(icon);
      }
      pill.append(v.text);
      this.show([pill], [], me.stale);
    });
  }
}

class Points extends KinshipElement {
  override load() {
    this.me().then((me) => {
      const member = me?.value;
      this.show(member ? [h("strong", "", pointsText(member.points.available, this.m, ctx.locale))] : [], [], me?.stale);
    });
  }
}

class Price extends KinshipElement {
  static observedAttributes = ["data-variant-id", "data-price", "data-currency"];

  override load(changed?: boolean) {
    const { variantId: id, price, currency } = this.dataset;
    const base = { price: Number(price) || 0, currency: currency || ctx.currency || "USD" };
    const paint = (mp?: Loaded<MemberPrice | null>, me?: Loaded<Member | null>) => {
      const { m } = this;
      const { locale } = ctx;
      const v = priceView(base, mp?.value, me?.value, m, locale);
      const sr = (label: string) => h("span", "kinship-sr", `${label} `);
      this.show(
        v.regular ? [h("s", "", sr(m.regularPrice), v.regular), " ", h("strong", "", sr(m.memberPrice), v.price)] : [v.price],
        [v.teaser],
        mp?.stale,
      );
    };
    // A new variant shows its base price at once; the first load keeps the element's content (the
    // theme's price) until the answer.
    if (changed) paint();
    if (!id) return paint();
    Promise.all([ctx.session.price(id), this.me()]).then(
      ([mp, me]) => id === this.dataset.variantId && paint(mp, me),
      () => id === this.dataset.variantId && paint(),
    );
  }
}

/** What loyalty.js (rewards, perks, expiring points: a file of its own, for the size budget) builds on. */
export interface EmbedApi {
  KinshipElement: typeof KinshipElement;
  h: typeof h;
  refresh: typeof refresh;
  context: () => EmbedContext;
}

declare global {
  interface Window {
    kinship?: EmbedApi;
  }
}

export function defineElements(): void {
  const style = h("style", "", CSS);
  document.head.append(style);
  customElements.define("kinship-badge", Badge);
  customElements.define("kinship-points", Points);
  customElements.define("kinship-price", Price);
  window.kinship = { KinshipElement, h, refresh, context: () => ctx };
  dispatchEvent(new Event("kinship:embed"));
}
