import { errorCode } from "../core/errors.ts";
import { fill, formatNumber } from "../core/format.ts";
import type { Loaded, Perk, Reward } from "../core/types.ts";
import { pointsText } from "../core/view.ts";
import { ctx, type EmbedContext, h, KinshipElement, refresh } from "./elements.ts";

type Key = keyof EmbedContext["m"];

/** Rewards, perks and expiring points: boxes reserved like the other elements'. */
export const LIST_CSS =
  "kinship-rewards,kinship-perks{display:block;min-height:8em}kinship-expiring{display:block;min-height:1.4em}" +
  ".kinship-list{list-style:none;margin:0;padding:0}.kinship-list li{display:flex;flex-wrap:wrap;align-items:center;gap:.25em .75em;padding:.35em 0}" +
  ".kinship-list li>span{flex:1}.kinship-list small{display:block}.kinship-codes{flex-basis:100%}";

/** `keep`: no answer came, so the attempt (and its key) stays open. */
type Outcome = { code: string } | { failed: string; keep?: 1 };

/**
 * A list with one action per item (redeem a reward, claim a perk). The words come from the
 * element's attributes (the blocks pass the theme's translations: `data-redeem-failed` for
 * `redeemFailed`), else the embed's English.
 */
abstract class ActionList<T> extends KinshipElement {
  /** The last answer, repainted while an action runs. */
  d?: Loaded<T[]>;
  busy?: string;
  r = h("p", "kinship-result");
  /**
   * One idempotency key per attempt, kept until the API answers: a click after an answer that never
   * came (offline, a dropped connection) retries the same attempt, so it spends or claims once.
   */
  k: Record<string, string> = {};

  override connectedCallback() {
    // The list is not announced as a whole; the outcome line is.
    this.dataset.live = "off";
    this.r.setAttribute("aria-live", "polite");
    super.connectedCallback();
  }

  /** A message, from the element's attribute when the page gives one. */
  t(key: Key, values: Record<string, string> = {}): string {
    return fill(this.m[key], values);
  }

  abstract get(): Promise<Loaded<T[]>>;
  abstract item(x: T): (Node | string)[];

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
    const title = h(`h${this.dataset.level || 2}`, "", this.t(this.heading));
    const list = h("ul", "kinship-list", ...d.value.map((x) => h("li", "", ...this.item(x))));
    this.show([title, d.value.length ? list : h("p", "", this.t(this.empty)), this.r], [], d.stale);
  }

  abstract heading: Key;
  abstract empty: Key;

  /** The item's action button: "Redeem" plus, for screen readers, the item's name. */
  button(id: string, name: string, label: Key, busyLabel: Key, off: boolean | undefined) {
    const b = h(
      "button",
      "kinship-button",
      this.t(this.busy === id ? busyLabel : label),
      h("span", "kinship-sr", ` ${name}`),
    ) as HTMLButtonElement;
    b.type = "button";
    b.disabled = !!(off || this.d?.stale || this.busy);
    b.onclick = () => this.act(id);
    return b;
  }

  abstract send(id: string, key: string): Promise<{ code: string }>;
  abstract failed(error: unknown): string;

  act(id: string) {
    this.busy = id;
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
        this.r.replaceChildren(...("code" in o ? [this.t("code"), " ", h("code", "", o.code)] : [o.failed]));
        // An answer (a code or a refusal) changes what the page shows: points, codes, what is claimable.
        if ("keep" in o) this.paint();
        else refresh();
      });
  }
}

class Rewards extends ActionList<Reward> {
  heading = "rewards" as const;
  empty = "noRewards" as const;
  get = () => ctx.session.rewards();
  item = (x: Reward) => [
    h("span", "", x.name, h("small", "", pointsText(x.cost, this.m, ctx.locale))),
    this.button(x.id, x.name, "redeem", "redeeming", !x.available),
  ];
  send = (id: string, key: string) => ctx.session.redeem(id, key);
  failed = () => this.t("redeemFailed");
}

class Perks extends ActionList<Perk> {
  heading = "perks" as const;
  empty = "noPerks" as const;
  get = () => ctx.session.perks();
  item = (p: Perk) => [
    h("span", "", p.name, h("small", "", p.perk)),
    p.claimable
      ? this.button(p.partner, p.name, "claim", "claiming", false)
      : h("span", "kinship-blocked", this.t(BLOCKED[p.blockedBy as string] || "perkSoldOut", { tier: p.minTier || "" })),
    ...(p.codes.length
      ? [h("small", "kinship-codes", this.t("perkCodes"), " ", ...p.codes.flatMap((c, i) => [i ? ", " : "", h("code", "", c.code)]))]
      : []),
  ];
  send = (partner: string, key: string) => ctx.session.claimPerk(partner, key);
  failed = (error: unknown) => this.t(errorCode(error) === "PerksSoldOut" ? "perkSoldOut" : "claimFailed");
}

/** Why a perk cannot be claimed, by the API's `blockedBy`. */
const BLOCKED: Record<string, Key> = { SIGN_IN: "perkSignIn", TIER: "perkTier", LIMIT: "perkClaimed" };

/** The member's next points to expire: "120 points expire on Jan 5, 2027"; nothing when none do. */
class Expiring extends KinshipElement {
  override load() {
    this.me().then((me) => {
      const next = me?.value?.points.expiringSoon.slice().sort((a, b) => (a.on < b.on ? -1 : 1))[0];
      const m = this.m.expiring;
      const date = next && new Intl.DateTimeFormat(ctx.locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(next.on));
      this.show(next ? [fill(m, { points: formatNumber(next.points, ctx.locale), date: date as string })] : [], [], me?.stale);
    });
  }
}

export function defineListElements(): void {
  document.head.append(h("style", "", LIST_CSS));
  customElements.define("kinship-rewards", Rewards);
  customElements.define("kinship-perks", Perks);
  customElements.define("kinship-expiring", Expiring);
}
