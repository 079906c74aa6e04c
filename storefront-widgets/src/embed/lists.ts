import { errorCode } from "../core/errors.ts";
import { fill, formatNumber } from "../core/format.ts";
import { type Messages, perkMessages } from "../core/messages.ts";
import { CLAIM_PERK_MUTATION, PERKS_QUERY } from "../core/queries.ts";
import type { Loaded, Perk, PerkCode, Reward } from "../core/types.ts";
import { pointsText } from "../core/view.ts";
import type { EmbedApi, EmbedContext } from "./elements.ts";

/** Rewards, perks and expiring points: boxes reserved like the other elements'. */
export const LIST_CSS =
  "kinship-rewards,kinship-perks{display:block;min-height:8em}kinship-expiring{display:block;min-height:1.4em}" +
  ".kinship-list{list-style:none;margin:0;padding:0}.kinship-list li{display:flex;flex-wrap:wrap;align-items:center;gap:.25em .75em;padding:.35em 0}" +
  ".kinship-list li>span{flex:1}.kinship-list small{display:block}.kinship-codes{flex-basis:100%}";

const words = { ...perkMessages, expiring: "{points} points expire on {date}" };
type Words = Messages & typeof words;
type Key = keyof Words;

/** `keep`: no answer came, so the attempt (and its key) stays open. */
type Outcome = { code: string } | { failed: string; keep?: 1 };

/** Why a perk cannot be claimed, by the API's `blockedBy`. */
const BLOCKED: Record<string, Key> = { SIGN_IN: "perkSignIn", TIER: "perkTier", LIMIT: "perkClaimed" };

/**
 * A context's perks, asked once until a refresh; the last good answer when the API is down. The
 * session's own (createPerksSession) would bring a second copy of the whole session into this file.
 */
const perksOf = new WeakMap<EmbedContext, Promise<Loaded<Perk[]>>>();
function perks(c: EmbedContext): Promise<Loaded<Perk[]>> {
  let p = perksOf.get(c);
  if (!p) {
    p = c.request<{ me: { customerId: string } | null; perks: Perk[] }>(PERKS_QUERY).then(
      (data) => {
        // Claimed codes are the shopper's own: kept under no one else's key.
        if ((data.me?.customerId ?? "guest") === c.customer) c.snapshot.write({ perks: data.perks });
        return { value: data.perks, stale: false };
      },
      (error: unknown) => {
        const kept = c.snapshot.read().perks;
        if (kept === undefined) throw error;
        return { value: kept, stale: true };
      },
    );
    perksOf.set(c, p);
  }
  return p;
}

/**
 * Defines <kinship-rewards>, <kinship-perks> and <kinship-expiring> on the embed's elements and
 * session. The words come from the element's attributes (the blocks pass the theme's translations:
 * `data-redeem-failed` for `redeemFailed`), else the embed's config, else English.
 */
export function defineListElements({ KinshipElement, h, refresh, context }: EmbedApi): void {
  const t = (el: HTMLElement, key: Key, values: Record<string, string> = {}) =>
    fill(({ ...words, ...context().m, ...el.dataset } as Words)[key], values);

  /** A list with one action per item (redeem a reward, claim a perk). */
  abstract class ActionList<T> extends KinshipElement {
    /** The last answer, repainted while an action runs. */
    d?: Loaded<T[]>;
    busy?: string;
    r = h("p", "kinship-result");
    /**
     * One idempotency key per attempt, kept until the API answers: a click after an answer that
     * never came (offline, a dropped connection) retries the same attempt, so it spends or claims once.
     */
    k: Record<string, string> = {};
    /** The item whose button gets the focus back once the list is redrawn (a redraw replaces the buttons). */
    f?: string;
    abstract heading: Key;
    abstract empty: Key;
    abstract get(): Promise<Loaded<T[]>>;
    abstract item(x: T): (Node | string)[];
    abstract send(id: string, key: string): Promise<{ code: string }>;
    abstract failed(error: unknown): string;

    override connectedCallback() {
      // The list is not announced as a whole; the outcome line is.
      this.dataset.live = "off";
      this.r.setAttribute("aria-live", "polite");
      super.connectedCallback();
    }

    override load() {
      this.get().then(
        (d) => {
          this.d = d;
          this.paint();
        },
        () => this.show([], []),
      );
    }

    paint() {
      const { d } = this;
      if (!d) return;
      const title = h(`h${this.dataset.level || 2}`, "", t(this, this.heading));
      const list = h("ul", "kinship-list", ...d.value.map((x) => h("li", "", ...this.item(x))));
      this.show([title, d.value.length ? list : h("p", "", t(this, this.empty)), this.r], [], d.stale);
      const again = this.f && this.querySelector<HTMLButtonElement>(`[data-id="${CSS.escape(this.f)}"]`);
      if (again && !again.disabled) {
        again.focus();
        this.f = undefined;
      }
    }

    /** The item's action button: "Redeem" plus, for screen readers, the item's name. */
    button(id: string, name: string, label: Key, busyLabel: Key, off: boolean) {
      const b = h("button", "kinship-button", t(this, this.busy === id ? busyLabel : label), h("span", "kinship-sr", ` ${name}`));
      (b as HTMLButtonElement).type = "button";
      (b as HTMLButtonElement).disabled = !!(off || this.d?.stale || this.busy);
      b.dataset.id = id;
      b.onclick = () => this.act(id);
      return b;
    }

    act(id: string) {
      this.busy = this.f = id;
      this.r.replaceChildren();
      this.paint();
      // Made inside the chain: a browser without randomUUID (an insecure context) ends in the failure path.
      Promise.resolve()
        .then(() => {
          this.k[id] ??= crypto.randomUUID();
          return this.send(id, this.k[id]);
        })
        .then(
          (x): Outcome => ({ code: x.code }),
          (error: unknown): Outcome => ({ failed: this.failed(error), ...(errorCode(error) ? {} : { keep: 1 }) }),
        )
        .then((o) => {
          if (!("keep" in o)) delete this.k[id];
          this.busy = undefined;
          this.r.replaceChildren(...("code" in o ? [t(this, "code"), " ", h("code", "", o.code)] : [o.failed]));
          if ("keep" in o) return this.paint();
          // An answer (a code or a refusal) changes what the page shows: points, codes, what is claimable.
          perksOf.delete(context());
          refresh();
        });
    }
  }

  class Rewards extends ActionList<Reward> {
    heading = "rewards" as const;
    empty = "noRewards" as const;
    get = () => context().session.rewards();
    item = (x: Reward) => [
      h("span", "", x.name, h("small", "", pointsText(x.cost, this.m, context().locale))),
      this.button(x.id, x.name, "redeem", "redeeming", !x.available),
    ];
    send = (id: string, key: string) => context().session.redeem(id, key);
    failed = () => t(this, "redeemFailed");
  }

  class Perks extends ActionList<Perk> {
    heading = "perks" as const;
    empty = "noPerks" as const;
    get = () => perks(context());
    item = (p: Perk) => [
      h("span", "", p.name, h("small", "", p.perk)),
      p.claimable
        ? this.button(p.partner, p.name, "claim", "claiming", false)
        : h("span", "kinship-blocked", t(this, BLOCKED[p.blockedBy as string] || "perkSoldOut", { tier: p.minTier || "" })),
      ...(p.codes.length
        ? [h("small", "kinship-codes", t(this, "perkCodes"), " ", ...p.codes.flatMap((c, i) => [i ? ", " : "", h("code", "", c.code)]))]
        : []),
    ];
    /** `key`: a retried request of this attempt gets the same code. */
    send = (partner: string, key: string) =>
      context()
        .request<{ claimPerk: PerkCode }>(CLAIM_PERK_MUTATION, { partner, key })
        .then((data) => data.claimPerk);
    failed = (error: unknown) => t(this, errorCode(error) === "PerksSoldOut" ? "perkSoldOut" : "claimFailed");
  }

  /** The member's next points to expire: "120 points expire on Jan 5, 2027"; nothing when none do. */
  class Expiring extends KinshipElement {
    override load() {
      this.me().then((me) => {
        const next = me?.value?.points.expiringSoon.slice().sort((a, b) => (a.on < b.on ? -1 : 1))[0];
        const { locale } = context();
        const date = next ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(next.on)) : "";
        this.show(next ? [t(this, "expiring", { points: formatNumber(next.points, locale), date })] : [], [], me?.stale);
      });
    }
  }

  document.head.append(h("style", "", LIST_CSS));
  customElements.define("kinship-rewards", Rewards);
  customElements.define("kinship-perks", Perks);
  customElements.define("kinship-expiring", Expiring);
}
