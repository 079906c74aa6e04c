import { fill, formatMoney, formatNumber, textOn } from "./format.ts";
import type { Messages } from "./messages.ts";
import type { Member, MemberPrice } from "./types.ts";

/** What each widget shows, worked out once for the React components and the theme embed. */

export interface BadgeView {
  /** "Gold member" */
  text: string;
  color?: string;
  textColor?: string;
  /** A badge icon given as an image URL (shown decoratively) … */
  iconSrc?: string;
  /** … or as an emoji; other icon names are left to themes. */
  iconText?: string;
}

export function badgeView(me: Member | null, m: Messages): BadgeView | null {
  if (!me) return null;
  const badge = me.tier.badge;
  const icon = badge?.icon ?? "";
  return {
    text: fill(m.member, { tier: badge?.label || me.tier.name }),
    color: badge?.color,
    textColor: badge ? textOn(badge.color) : undefined,
    iconSrc: /^(https:\/\/|\/)/.test(icon) ? icon : undefined,
    iconText: icon && icon.length <= 8 && !/[\w/.:]/.test(icon) ? icon : undefined,
  };
}

export function pointsText(points: number, m: Messages, locale?: string): string {
  return fill(points === 1 ? m.point : m.points, { n: formatNumber(points, locale) });
}

export interface PriceView {
  /** The price the shopper pays now (the member price when one applies). */
  price: string;
  /** The base price, struck through, when a member price applies. */
  regular?: string;
  /** "Join to get $17.00" for guests, "Gold members get $17.00" for members below the tier. */
  teaser?: string;
}

export function priceView(
  base: { price: number; currency: string },
  mp: MemberPrice | null | undefined,
  me: Member | null | undefined,
  m: Messages,
  locale?: string,
): PriceView {
  const currency = mp?.currency || base.currency;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const basePrice = mp ? mp.basePrice : base.price;
  const view: PriceView = { price: money(basePrice) };
  if (mp?.memberPrice != null && mp.memberPrice < basePrice) {
    view.regular = view.price;
    view.price = money(mp.memberPrice);
  }
  const t = mp?.teaser;
  if (t) view.teaser = fill(me === null ? m.join : m.upgrade, { tier: t.tierName, price: money(t.memberPrice) });
  return view;
}

export interface ProgressView {
  /** Growth into the current tier and the span to the next one (0..max); absent at the top tier. */
  value?: number;
  max?: number;
  /** "Progress to Platinum" */
  label?: string;
  /** "320 more to reach Platinum" or "Top tier reached" */
  text: string;
}

export function progressView(me: Member, m: Messages, locale?: string): ProgressView {
  const next = me.nextTier;
  if (!next) return { text: m.top };
  const into = Math.max(0, me.growth - me.tier.threshold);
  return {
    value: into,
    max: into + next.remaining,
    label: fill(m.progress, { tier: next.name }),
    text: fill(m.next, { n: formatNumber(next.remaining, locale), tier: next.name }),
  };
}
