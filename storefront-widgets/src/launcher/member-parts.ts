import { errorCode } from "../core/errors.ts";
import { fill } from "../core/format.ts";
import type { MemberMessages } from "../core/member-messages.ts";
import { badgeItems, dayText, membershipView, referralView, stampView, validBirthday } from "../core/member-view.ts";
import type { Messages } from "../core/messages.ts";
import type { CampaignsData, MembershipData, ReferralData } from "../core/types.ts";
import { button, h, type Kid, section } from "./dom.ts";
import type { LauncherMessages } from "./messages.ts";

/**
 * The panel's membership, badges, stamp cards, referral and birthday sections (the same views as
 * the React widgets). Each is left out when its answer did not come.
 */

type M = Messages & MemberMessages & LauncherMessages;

export interface PartsDeps {
  m: M;
  locale?: string;
  planUrls?: Record<string, string>;
  /** Announces an outcome in the panel's status region. */
  say: (text: string) => void;
}

export function membershipPart(data: MembershipData, { m, locale, planUrls }: PartsDeps): HTMLElement | null {
  const v = membershipView(data, m, locale, planUrls);
  if (!v.tier && v.plans.length === 0) return null;
  const kids: Kid[] = [];
  if (v.tier) kids.push(h("p", { class: "kinship-launcher__source" }, v.tier));
  if (v.saved)
    kids.push(
      h(
        "details",
        { class: "kinship-launcher__value" },
        h("summary", {}, h("strong", {}, v.saved.text)),
        h("ul", {}, ...v.saved.parts.map((p) => h("li", {}, h("span", {}, p.label), h("span", {}, p.amount)))),
      ),
    );
  if (v.status) kids.push(h("p", { class: "kinship-launcher__status" }, v.status));
  if (v.plans.length)
    kids.push(
      h("p", {}, h("strong", {}, m.plans)),
      h(
        "ul",
        {},
        ...v.plans.map((p) =>
          h(
            "li",
            { class: "kinship-launcher__plan" },
            h(
              "span",
              {},
              `${p.name} · ${p.price}`,
              ...(p.freeShipping ? [h("small", { class: "kinship-launcher__earn" }, ` ${m.planFreeShipping}`)] : []),
            ),
            ...(p.url ? [h("a", { href: p.url, class: "kinship-launcher__action" }, p.buy)] : []),
          ),
        ),
      ),
    );
  return section("kinship-launcher-membership", m.membership, ...kids);
}

/** Badges and stamp cards: nothing for guests; each section only when there is something in it. */
export function campaignParts(data: CampaignsData, { m, locale }: PartsDeps): HTMLElement[] {
  const me = data.me;
  if (!me) return [];
  const parts: HTMLElement[] = [];
  const badges = badgeItems(me.badges, m, locale);
  if (badges.length)
    parts.push(
      section(
        "kinship-launcher-badges",
        m.badges,
        h(
          "ul",
          { class: "kinship-launcher__badges" },
          ...badges.map((b) => {
            const pill = h("span", { class: "kinship-launcher__pill", title: b.description ?? b.earned });
            if (b.color) pill.style.cssText = `background:${b.color};color:${b.textColor ?? ""}`;
            if (b.iconSrc) pill.append(h("img", { src: b.iconSrc, alt: "", width: "16", height: "16" }));
            if (b.iconText) pill.append(h("span", { "aria-hidden": "true" }, b.iconText));
            pill.append(b.name);
            return h("li", {}, pill, h("span", { class: "kinship-launcher__earn" }, b.earned));
          }),
        ),
      ),
    );
  if (me.stampCards.length)
    parts.push(
      section(
        "kinship-launcher-stamps",
        m.stampCards,
        h(
          "ul",
          {},
          ...me.stampCards.map((c) => {
            const v = stampView(c, m, locale);
            return h(
              "li",
              { class: "kinship-launcher__stamps" },
              h("span", {}, c.name),
              ...(v.dots ? [h("span", { "aria-hidden": "true", class: "kinship-launcher__dots" }, v.dots)] : []),
              h("span", {}, v.progress),
              ...(v.filled ? [h("small", { class: "kinship-launcher__earn" }, v.filled)] : []),
            );
          }),
        ),
      ),
    );
  return parts;
}

/** Code, link with a copy button, the offer and the counts; null for guests or without a referral program. */
export function referralPart(data: ReferralData, { m, locale, say }: PartsDeps): HTMLElement | null {
  const v = referralView(data, m, locale);
  if (!v) return null;
  const share = v.link ?? v.code;
  const input = h("input", { type: "text", readonly: "", value: share, "aria-label": m.referralLabel }) as HTMLInputElement;
  const copy = button(m.copy, () => {
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(share))
      .then(
        () => say(m.copied),
        () => input.select(),
      );
  });
  return section(
    "kinship-launcher-referral",
    m.referral,
    ...(v.offer ? [h("p", {}, v.offer)] : []),
    h("p", {}, `${m.referralCode} `, h("code", {}, v.code)),
    h("div", { class: "kinship-launcher__referral" }, input, copy),
    h("p", { class: "kinship-launcher__earn" }, v.counts),
  );
}

/**
 * The birthday, or a form to give it once. `save` sends it (setBirthday) and reloads the panel;
 * a refusal (BirthdayLocked, an invalid date) is announced and shown next to the field.
 */
export function birthdayPart(data: CampaignsData, deps: PartsDeps, save: (date: string) => Promise<unknown>): HTMLElement | null {
  const { m, locale, say } = deps;
  const me = data.me;
  if (!me) return null;
  if (me.birthday)
    return section("kinship-launcher-birthday", m.birthday, h("p", {}, fill(m.birthdaySet, { date: dayText(me.birthday, locale) })));
  const today = new Date().toISOString().slice(0, 10);
  const input = h("input", {
    id: "kinship-launcher-birthday-date",
    type: "date",
    max: today,
    "aria-describedby": "kinship-launcher-birthday-help kinship-launcher-birthday-error",
  }) as HTMLInputElement;
  const error = h("p", { id: "kinship-launcher-birthday-error", class: "kinship-launcher__error" });
  const submit = h("button", { type: "submit", class: "kinship-launcher__action" }, m.birthdaySave) as HTMLButtonElement;
  const fail = (text: string) => {
    error.textContent = text;
    input.setAttribute("aria-invalid", "true");
    say(text);
  };
  const form = h(
    "form",
    { novalidate: "" },
    h("label", { for: input.id }, m.birthdayLabel),
    h("div", { class: "kinship-launcher__row" }, input, submit),
    h("p", { id: "kinship-launcher-birthday-help", class: "kinship-launcher__earn" }, m.birthdayHelp),
    error,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!validBirthday(input.value, new Date())) return fail(m.birthdayInvalid);
    submit.disabled = true;
    submit.textContent = m.birthdaySaving;
    save(input.value).then(
      () => say(m.birthdaySaved),
      (err: unknown) => {
        submit.disabled = false;
        submit.textContent = m.birthdaySave;
        const code = errorCode(err);
        fail(
          code === "BirthdayLocked"
            ? m.birthdayLocked
            : code && /invalid|BAD_USER_INPUT/i.test(code)
              ? m.birthdayInvalid
              : m.birthdayFailed,
        );
      },
    );
  });
  return section("kinship-launcher-birthday", m.birthday, form);
}
