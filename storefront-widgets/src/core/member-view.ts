import { fill, formatMoney, formatNumber, textOn } from "./format.ts";
import type { MemberMessages } from "./member-messages.ts";
import type { Messages } from "./messages.ts";
import type { EarnedBadge, MembershipData, ReferralData, StampCard } from "./types.ts";

/**
 * What the membership, badge, stamp-card and referral widgets show, worked out once for the React
 * components and the launcher panel (pure: unit-tested without a DOM).
 */

export type MemberWords = MemberMessages & Pick<Messages, "points" | "point">;

const points = (n: number, m: MemberWords, locale?: string) => fill(n === 1 ? m.point : m.points, { n: formatNumber(n, locale) });

/** A day as the shopper reads it ("Jan 5, 2027"); dates are calendar days, so in UTC. */
export function dayText(iso: string, locale?: string): string {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(d);
}

export interface PlanOffer {
  key: string;
  name: string;
  /** "$99.00 a year" */
  price: string;
  freeShipping: boolean;
  /** The plan's product page, when the storefront said where it is. */
  url?: string;
  /** "Get Plus" */
  buy: string;
}

export interface MembershipView {
  /** "Gold (paid membership)": the member's tier and where it comes from; absent for guests. */
  tier?: string;
  /** A paying member's value realised this period. */
  saved?: { text: string; exceedsFee: boolean; parts: { label: string; amount: string }[] };
  /** "Active, renews on Jan 5, 2027", "Ended on …". */
  status?: string;
  /** The plans on sale: for guests, members who never paid and lapsed members. */
  plans: PlanOffer[];
}

export function membershipView(
  data: MembershipData,
  m: MemberWords,
  locale?: string,
  planUrls: Record<string, string> = {},
): MembershipView {
  const me = data.me;
  const view: MembershipView = { plans: [] };
  if (me) {
    const source = me.tierSource === "PAID" ? m.tierPaid : me.tierSource === "OVERRIDE" ? m.tierOverride : m.tierEarned;
    view.tier = fill(source, { tier: me.tier.name });
  }
  const ms = me?.membership;
  if (ms) {
    const date = dayText(ms.status === "ACTIVE" || ms.status === "ENDING" ? ms.currentPeriodEnd : ms.benefitsUntil, locale);
    view.status = fill({ ACTIVE: m.statusActive, GRACE: m.statusGrace, ENDING: m.statusEnding, LAPSED: m.statusLapsed }[ms.status], {
      date,
    });
    if (ms.status !== "LAPSED") {
      const v = ms.value;
      const money = (n: number) => formatMoney(n, v.currency, locale);
      view.saved = {
        text: fill(m.saved, { saved: money(v.total), fee: money(v.fee) }),
        exceedsFee: v.exceedsFee,
        parts: [
          { label: m.partMemberPrices, amount: money(v.memberPrices) },
          { label: m.partFreeShipping, amount: money(v.freeShipping) },
          { label: m.partRewards, amount: money(v.rewards) },
          { label: m.partPerks, amount: money(v.perks) },
        ],
      };
      return view;
    }
  }
  view.plans = data.program.plans.map((p) => ({
    key: p.key,
    name: p.name,
    price: fill(m.planPrice, { price: formatMoney(p.price, p.currency, locale), period: p.period === "YEAR" ? m.year : m.month }),
    freeShipping: p.freeShipping,
    url: planUrls[p.key],
    buy: fill(m.planBuy, { plan: p.name }),
  }));
  return view;
}

export interface BadgeItem {
  key: string;
  name: string;
  description?: string;
  /** "Earned on Jan 5, 2027" */
  earned: string;
  color?: string;
  textColor?: string;
  iconSrc?: string;
  iconText?: string;
}

/** Earned badges, oldest first, with their icon (an image URL or an emoji) and colour. */
export function badgeItems(badges: EarnedBadge[], m: MemberWords, locale?: string): BadgeItem[] {
  return [...badges]
    .sort((a, b) => (a.earnedAt < b.earnedAt ? -1 : a.earnedAt > b.earnedAt ? 1 : 0))
    .map((b) => {
      const icon = b.icon ?? "";
      return {
        key: b.key,
        name: b.name,
        description: b.description ?? undefined,
        earned: fill(m.badgeEarned, { date: dayText(b.earnedAt, locale) }),
        color: b.color ?? undefined,
        textColor: b.color ? textOn(b.color) : undefined,
        iconSrc: /^(https:\/\/|\/)/.test(icon) ? icon : undefined,
        iconText: icon && icon.length <= 8 && !/[\w/.:]/.test(icon) ? icon : undefined,
      };
    });
}

/** Cards of up to this many stamps are drawn as dots; longer ones as text only. */
export const MAX_DOTS = 20;

export interface StampView {
  /** "●●●○○" (decorative: `progress` says it in words); empty past MAX_DOTS stamps. */
  dots: string;
  /** "3 of 5" */
  progress: string;
  /** "2 cards filled"; absent before the first. */
  filled?: string;
}

export function stampView(card: StampCard, m: MemberWords, locale?: string): StampView {
  const collected = Math.min(Math.max(card.collected, 0), card.stamps);
  return {
    dots: card.stamps <= MAX_DOTS ? "●".repeat(collected) + "○".repeat(card.stamps - collected) : "",
    progress: fill(m.stampProgress, { n: formatNumber(collected, locale), total: formatNumber(card.stamps, locale) }),
    filled:
      card.completed > 0
        ? card.completed === 1
          ? m.stampFilledOne
          : fill(m.stampFilled, { n: formatNumber(card.completed, locale) })
        : undefined,
  };
}

export interface ReferralView {
  code: string;
  link?: string;
  /** "Friends get $10.00 off their first order; you earn 500 points." */
  offer?: string;
  /** "2 paid, 1 pending · 1,000 points earned" */
  counts: string;
}

/** Null: a guest, or no referral program. */
export function referralView(data: ReferralData, m: MemberWords, locale?: string): ReferralView | null {
  const r = data.me?.referrals;
  if (!r) return null;
  const o = data.program.referral;
  let offer: string | undefined;
  if (o) {
    const reward =
      o.refereeRewardKind === "FREE_SHIPPING"
        ? m.referralOfferFreeShipping
        : fill(m.referralOff, {
            value:
              o.refereeRewardKind === "PERCENT_OFF"
                ? new Intl.NumberFormat(locale, { style: "percent" }).format(o.refereeRewardValue / 100)
                : formatMoney(o.refereeRewardValue, data.program.currency, locale),
          });
    offer = fill(m.referralOffer, { reward, points: points(o.referrerPoints, m, locale) });
  }
  return {
    code: r.code,
    link: r.link ?? undefined,
    offer,
    counts: fill(m.referralCounts, {
      paid: formatNumber(r.paid, locale),
      pending: formatNumber(r.pending, locale),
      points: points(r.pointsEarned, m, locale),
    }),
  };
}

/** A birthday the form may send: a real calendar day, YYYY-MM-DD, from 1900 to `today`. */
export function validBirthday(date: string, today: Date): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return (
    !Number.isNaN(d.getTime()) &&
    d.toISOString().slice(0, 10) === date &&
    Number(match[1]) >= 1900 &&
    date <= today.toISOString().slice(0, 10)
  );
}
