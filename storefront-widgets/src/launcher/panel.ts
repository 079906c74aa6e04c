import { fill } from "../core/format.ts";
import type { MemberMessages } from "../core/member-messages.ts";
import type { Messages, PerkMessages } from "../core/messages.ts";
import { LAUNCHER_QUERY } from "../core/queries.ts";
import type { PerksSession } from "../core/session.ts";
import type { GraphQLRequest, Member, Perk, Reward } from "../core/types.ts";
import { badgeView, pointsText, progressView } from "../core/view.ts";
import type { LauncherConfig } from "./config.ts";
import { button, h, type Kid, section } from "./dom.ts";
import { birthdayPart, campaignParts, referralPart as memberReferralPart, membershipPart, type PartsDeps } from "./member-parts.ts";
import type { LauncherMessages } from "./messages.ts";
import type { LauncherData } from "./types.ts";
import { earnText, perkBlockedText } from "./view.ts";

export type PanelMessages = Messages & PerkMessages & LauncherMessages & MemberMessages;

export interface PanelDeps {
  session: PerksSession;
  request: GraphQLRequest;
  config: LauncherConfig;
  m: PanelMessages;
}

/**
 * The dialog's content: the program's name as its title, the member's tier, points and progress
 * (or a join invitation), the membership's value or the plans on sale, badges and stamp cards, ways
 * to earn, rewards to redeem, the referral code and link, partner perks and the birthday.
 * Loaded when the dialog opens; an outcome (a code, a failure) is announced in a status region.
 */
export function createPanel(dialog: HTMLElement, { session, request, config, m }: PanelDeps) {
  const locale = config.locale;
  const title = dialog.querySelector<HTMLElement>("h2") ?? dialog;
  const body = h("div", { class: "kinship-launcher__body" });
  const notice = h("p", { role: "status", class: "kinship-launcher__notice", tabindex: "-1" });
  let loaded = false;

  const say = (text: string) => {
    notice.textContent = text;
  };
  const parts: PartsDeps = { m, locale, planUrls: config.planUrls, say };

  function memberPart(me: Member): Kid[] {
    const badge = badgeView(me, m);
    const progress = progressView(me, m, locale);
    const kids: Kid[] = [
      h("p", { class: "kinship-launcher__tier" }, badge?.text ?? me.tier.name),
      h("p", { class: "kinship-launcher__points" }, h("strong", {}, pointsText(me.points.available, m, locale))),
    ];
    if (progress.max !== undefined && progress.value !== undefined) {
      const pct = progress.max > 0 ? Math.round((100 * progress.value) / progress.max) : 0;
      const bar = h("div", {
        class: "kinship-launcher__bar",
        role: "progressbar",
        "aria-label": progress.label ?? "",
        "aria-valuemin": "0",
        "aria-valuemax": String(progress.max),
        "aria-valuenow": String(progress.value),
        "aria-valuetext": progress.text,
      });
      bar.append(h("span", { style: `width:${pct}%` }));
      kids.push(bar);
    }
    kids.push(h("p", { class: "kinship-launcher__next" }, progress.text));
    return kids;
  }

  function guestPart(program: string): Kid[] {
    const links: Kid[] = [];
    if (config.registerUrl) links.push(h("a", { href: config.registerUrl, class: "kinship-launcher__action" }, m.join));
    if (config.loginUrl) links.push(" ", h("a", { href: config.loginUrl }, m.signIn));
    return [
      h("h3", { class: "kinship-launcher__join" }, fill(m.joinTitle, { program })),
      h("p", {}, m.joinText),
      h("p", { class: "kinship-launcher__links" }, ...links),
    ];
  }

  function redeem(r: Reward, b: HTMLButtonElement) {
    b.disabled = true;
    b.textContent = m.redeeming;
    say("");
    // A key per click: this click's retries resend it, so it spends once (as <RewardsList> does).
    Promise.resolve()
      .then(() => session.redeem(r.id, crypto.randomUUID()))
      .then(
        (done) => {
          session.refresh();
          return load().then(() => {
            say(`${m.code} ${done.code}`);
            notice.focus();
          });
        },
        () => {
          b.disabled = false;
          b.textContent = m.redeem;
          say(m.redeemFailed);
        },
      );
  }

  function claim(p: Perk, b: HTMLButtonElement) {
    b.disabled = true;
    b.textContent = m.claiming;
    say("");
    Promise.resolve()
      .then(() => session.claimPerk(p.partner, crypto.randomUUID()))
      .then(
        (c) => {
          session.refresh();
          return load().then(() => {
            say(`${m.code} ${c.code}`);
            notice.focus();
          });
        },
        () => {
          session.refresh();
          return load().then(() => say(m.claimFailed));
        },
      );
  }

  function rewardsPart(rewards: Reward[], member: boolean): HTMLElement {
    const items = rewards.map((r) =>
      h(
        "li",
        {},
        h("span", {}, r.name),
        h("span", { class: "kinship-launcher__cost" }, fill(m.redeemCost, { n: new Intl.NumberFormat(locale).format(r.cost) })),
        ...(member && r.available ? [button(m.redeem, (b) => redeem(r, b))] : []),
      ),
    );
    return section("kinship-launcher-rewards", m.rewards, items.length ? h("ul", {}, ...items) : h("p", {}, m.noRewards));
  }

  function perksPart(perks: Perk[]): HTMLElement {
    const items = perks.map((p) => {
      const codes = p.codes.length
        ? [h("p", { class: "kinship-launcher__codes" }, `${m.perkCodes} ${p.codes.map((c) => c.code).join(", ")}`)]
        : [];
      const act = p.claimable
        ? button(m.claim, (b) => claim(p, b))
        : h("span", { class: "kinship-launcher__blocked" }, perkBlockedText(p, m));
      return h("li", {}, h("span", {}, h("strong", {}, p.name), " ", p.perk), act, ...codes);
    });
    return section("kinship-launcher-perks", m.perks, items.length ? h("ul", {}, ...items) : h("p", {}, m.noPerks));
  }

  function referralPart(link: string): HTMLElement {
    const input = h("input", { type: "text", readonly: "", value: link, "aria-label": m.referralLabel }) as HTMLInputElement;
    const copy = button(m.copy, () => {
      Promise.resolve()
        .then(() => navigator.clipboard.writeText(link))
        .then(
          () => say(m.copied),
          () => input.select(),
        );
    });
    return section("kinship-launcher-referral", m.referral, h("div", { class: "kinship-launcher__referral" }, input, copy));
  }

  function load(): Promise<void> {
    body.setAttribute("aria-busy", "true");
    const optional = <T>(p: Promise<{ value: T }>) => p.then((l) => l.value).catch(() => null);
    // Each of these may fail alone (a server without them, a program without referrals): its section is left out.
    const extra = <T>(p: Promise<T>) => p.catch(() => null);
    return Promise.all([
      session.me(),
      request<LauncherData>(LAUNCHER_QUERY),
      optional(session.rewards()),
      optional(session.perks()),
      extra(session.membership()),
      extra(session.campaigns()),
      extra(session.referral()),
    ]).then(
      ([me, data, rewards, perks, membership, campaigns, referrals]) => {
        const member = me.value;
        const { program, referralLink } = data;
        title.textContent = program.name;
        const ways = program.waysToEarn.map((w) =>
          h("li", {}, h("span", {}, w.name), h("span", { class: "kinship-launcher__earn" }, earnText(w, program.currency, m, locale))),
        );
        const referral = referrals && memberReferralPart(referrals, parts);
        const saveBirthday = (date: string) =>
          session.setBirthday(date).then(() => {
            session.refresh();
            return load();
          });
        const birthday = campaigns && birthdayPart(campaigns, parts, saveBirthday);
        const membershipSection = membership && membershipPart(membership, parts);
        body.replaceChildren(
          ...(member ? memberPart(member) : guestPart(program.name)),
          ...(membershipSection ? [membershipSection] : []),
          ...(campaigns ? campaignParts(campaigns, parts) : []),
          section("kinship-launcher-earn", m.earn, h("ul", {}, ...ways)),
          ...(rewards ? [rewardsPart(rewards, member !== null)] : []),
          ...(referral ? [referral] : member && referralLink ? [referralPart(referralLink)] : []),
          ...(perks ? [perksPart(perks)] : []),
          ...(birthday ? [birthday] : []),
        );
        body.removeAttribute("aria-busy");
        loaded = true;
      },
      () => {
        body.replaceChildren(
          h("p", {}, m.failed),
          button(m.retry, () => load().then(() => dialog.querySelector<HTMLElement>("button")?.focus())),
        );
        body.removeAttribute("aria-busy");
      },
    );
  }

  return {
    /** Adds the close button, the status region and the content to the dialog. */
    attach(close: () => void) {
      dialog.append(button(m.close, close, "kinship-launcher__close"), notice, body);
      body.replaceChildren(h("p", {}, m.loading));
    },
    /** On open: the first time, fetch; afterwards the content stays (a redemption reloads it). */
    open(): Promise<void> {
      return loaded ? Promise.resolve() : load();
    },
  };
}
