import type {
  Amount,
  AmountKind,
  BenefitDiscount,
  BenefitDiscountKind,
  BenefitScope,
  BenefitScopeKind,
  ClaimLimit,
  EarnRule,
  MemberPriceBenefit,
  Partner,
  ProgramConfig,
  Reward,
  Tier,
} from "./program-config.ts";

/**
 * Pure, immutable edits of a program config for the settings screens, and the engine's validation
 * issues matched to the field they name. Every function returns a new config and leaves its input
 * as it was; fields a screen does not show are carried along.
 */

import { currencyUnit } from "./money.ts";

export { currencyExponent, currencyUnit, decimalToMinor, formatMoney, minorToDecimal } from "./money.ts";

// ---- lists --------------------------------------------------------------------------------------

/** The list with the item at `from` moved to `to` (clamped); the same list when nothing moves. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from < 0 || from >= list.length || from === target) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1) as [T];
  next.splice(target, 0, item);
  return next;
}

function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  if (index < 0 || index >= list.length) throw new RangeError(`no item at ${index}`);
  return list.map((existing, i) => (i === index ? item : existing));
}

function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** A key the engine accepts (lowercase letters, digits, _ and -), derived from a name and unused in `taken`. */
export function uniqueKey(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, "-")
      .replace(/^[-_]+|-+$/g, "")
      .slice(0, 56) || "item";
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

// ---- tiers --------------------------------------------------------------------------------------

/** Appends a tier above the current top one. */
export function addTier(config: ProgramConfig, name = "New tier"): ProgramConfig {
  const top = config.tiers.reduce((max, t) => Math.max(max, t.threshold), 0);
  const tier: Tier = {
    key: uniqueKey(
      name,
      config.tiers.map((t) => t.key),
    ),
    name,
    threshold: config.tiers.length === 0 ? 0 : top + 1000,
    badge: { label: name, color: "#6b7280" },
  };
  return { ...config, tiers: [...config.tiers, tier] };
}

/**
 * Changes a tier; when its key changes, every reference to the old key (tier multipliers, the
 * minimum tier of member prices, rewards and partners) follows it.
 */
export function updateTier(config: ProgramConfig, index: number, patch: Partial<Tier>): ProgramConfig {
  const before = config.tiers[index];
  if (!before) throw new RangeError(`no tier at ${index}`);
  const tier = { ...before, ...patch };
  const next = { ...config, tiers: replaceAt(config.tiers, index, tier) };
  return tier.key === before.key ? next : renameTierReferences(next, before.key, tier.key);
}

/** Changes a tier's badge (label and color; a tier without one gets the tier's name and grey). */
export function updateTierBadge(config: ProgramConfig, index: number, patch: Partial<NonNullable<Tier["badge"]>>): ProgramConfig {
  const tier = config.tiers[index];
  if (!tier) throw new RangeError(`no tier at ${index}`);
  return updateTier(config, index, { badge: { label: tier.name, color: "#6b7280", ...tier.badge, ...patch } });
}

/** Removes a tier and its tier multipliers; member prices, rewards and partners that need it keep the key, for the engine to flag. */
export function removeTier(config: ProgramConfig, index: number): ProgramConfig {
  const tier = config.tiers[index];
  if (!tier) return config;
  return {
    ...config,
    tiers: removeAt(config.tiers, index),
    rules: config.rules.map((r) => (r.tierMultipliers && tier.key in r.tierMultipliers ? withoutMultiplier(r, tier.key) : r)),
  };
}

export function moveTier(config: ProgramConfig, from: number, to: number): ProgramConfig {
  return { ...config, tiers: moveItem(config.tiers, from, to) };
}

function withoutMultiplier(rule: EarnRule, key: string): EarnRule {
  const { [key]: _dropped, ...rest } = rule.tierMultipliers ?? {};
  return { ...rule, tierMultipliers: rest };
}

function renameTierReferences(config: ProgramConfig, from: string, to: string): ProgramConfig {
  const rename = (k: string | undefined) => (k === from ? to : k);
  return {
    ...config,
    rules: config.rules.map((r) => {
      if (!r.tierMultipliers || !(from in r.tierMultipliers)) return r;
      const entries = Object.entries(r.tierMultipliers).map(([k, f]) => [rename(k) as string, f] as const);
      return { ...r, tierMultipliers: Object.fromEntries(entries) };
    }),
    ...(config.benefits ? { benefits: config.benefits.map((b) => (b.minTier === from ? { ...b, minTier: to } : b)) } : {}),
    ...(config.rewards ? { rewards: config.rewards.map((r) => (r.minTier === from ? { ...r, minTier: to } : r)) } : {}),
    ...(config.partners ? { partners: config.partners.map((p) => (p.minTier === from ? { ...p, minTier: to } : p)) } : {}),
    ...(config.plans ? { plans: config.plans.map((p) => (p.tier === from ? { ...p, tier: to } : p)) } : {}),
  };
}

// ---- earn rules ---------------------------------------------------------------------------------

/** Appends a disabled-by-nothing order rule worth 1 point per currency unit. */
export function addRule(config: ProgramConfig, name = "New rule"): ProgramConfig {
  const rule: EarnRule = {
    id: uniqueKey(
      name,
      config.rules.map((r) => r.id),
    ),
    name,
    trigger: "order.paid",
    reward: { points: { perUnit: 1 } },
    enabled: true,
  };
  return { ...config, rules: [...config.rules, rule] };
}

/** Changes a rule; a patch value of `undefined` removes that field (no condition, no cap, no schedule). */
export function updateRule(config: ProgramConfig, index: number, patch: Partial<EarnRule>): ProgramConfig {
  const before = config.rules[index];
  if (!before) throw new RangeError(`no rule at ${index}`);
  return { ...config, rules: replaceAt(config.rules, index, withoutUndefined({ ...before, ...patch })) };
}

export function removeRule(config: ProgramConfig, index: number): ProgramConfig {
  return { ...config, rules: removeAt(config.rules, index) };
}

export function moveRule(config: ProgramConfig, from: number, to: number): ProgramConfig {
  return { ...config, rules: moveItem(config.rules, from, to) };
}

export function amountKind(amount: Amount | undefined): AmountKind | null {
  if (!amount) return null;
  if ("perUnit" in amount) return "perUnit";
  if ("fixed" in amount) return "fixed";
  return "multiplier";
}

export function amountValue(amount: Amount | undefined): number | undefined {
  if (!amount) return undefined;
  if ("perUnit" in amount) return amount.perUnit;
  if ("fixed" in amount) return amount.fixed;
  return amount.multiplier;
}

/** An amount of the given kind; null kind means "none". */
export function makeAmount(kind: AmountKind | null, value: number): Amount | undefined {
  if (kind === null) return undefined;
  if (kind === "perUnit") return { perUnit: value };
  if (kind === "fixed") return { fixed: value };
  return { multiplier: value };
}

/** Sets (a factor) or clears (undefined) one tier's multiplier on a rule. */
export function setTierMultiplier(rule: EarnRule, tierKey: string, factor: number | undefined): Partial<EarnRule> {
  if (factor === undefined) return { tierMultipliers: withoutMultiplier(rule, tierKey).tierMultipliers ?? {} };
  return { tierMultipliers: { ...(rule.tierMultipliers ?? {}), [tierKey]: factor } };
}

/** Turns one weekday (1 = Monday) on or off in a rule's schedule; an empty list removes the restriction. */
export function toggleWeekday(rule: EarnRule, day: number, on: boolean): Partial<EarnRule> {
  const days = new Set(rule.schedule?.daysOfWeek ?? []);
  if (on) days.add(day);
  else days.delete(day);
  const { daysOfWeek: _old, ...rest } = rule.schedule ?? {};
  const schedule = days.size > 0 ? { ...rest, daysOfWeek: [...days].sort((a, b) => a - b) } : rest;
  return { schedule: Object.keys(schedule).length > 0 ? schedule : undefined };
}

// ---- rewards ------------------------------------------------------------------------------------

export function rewardsOf(config: ProgramConfig): Reward[] {
  return config.rewards ?? [];
}

export function addReward(config: ProgramConfig, name = "New reward"): ProgramConfig {
  const rewards = rewardsOf(config);
  const reward: Reward = {
    id: uniqueKey(
      name,
      rewards.map((r) => r.id),
    ),
    name,
    cost: 500,
    kind: "amountOff",
    value: 5 * currencyUnit(config.currency),
    enabled: true,
  };
  return { ...config, rewards: [...rewards, reward] };
}

/** Changes a reward; switching to free shipping sets its value to 0, as the engine expects. */
export function updateReward(config: ProgramConfig, index: number, patch: Partial<Reward>): ProgramConfig {
  const rewards = rewardsOf(config);
  const before = rewards[index];
  if (!before) throw new RangeError(`no reward at ${index}`);
  const reward = withoutUndefined({ ...before, ...patch });
  if (reward.kind === "freeShipping") reward.value = 0;
  return { ...config, rewards: replaceAt(rewards, index, reward) };
}

/** Switching kind resets the value to one that kind accepts: 5.00 off, 10%, or 0 for free shipping. */
export function rewardKindPatch(kind: Reward["kind"], currencyUnit: number): Partial<Reward> {
  if (kind === "amountOff") return { kind, value: 5 * currencyUnit };
  if (kind === "percentOff") return { kind, value: 10 };
  return { kind, value: 0 };
}

export function removeReward(config: ProgramConfig, index: number): ProgramConfig {
  return { ...config, rewards: removeAt(rewardsOf(config), index) };
}

export function moveReward(config: ProgramConfig, from: number, to: number): ProgramConfig {
  return { ...config, rewards: moveItem(rewardsOf(config), from, to) };
}

// ---- member prices (benefits of kind memberPrice) -----------------------------------------------

export function benefitsOf(config: ProgramConfig): MemberPriceBenefit[] {
  return config.benefits ?? [];
}

export function addMemberPrice(config: ProgramConfig, name = "New member price"): ProgramConfig {
  const benefits = benefitsOf(config);
  const benefit: MemberPriceBenefit = {
    id: uniqueKey(
      name,
      benefits.map((b) => b.id),
    ),
    name,
    kind: "memberPrice",
    minTier: config.tiers[config.tiers.length > 1 ? 1 : 0]?.key ?? "member",
    scope: { all: true },
    discount: { percentOff: 10 },
  };
  return { ...config, benefits: [...benefits, benefit] };
}

export function updateMemberPrice(config: ProgramConfig, index: number, patch: Partial<MemberPriceBenefit>): ProgramConfig {
  const benefits = benefitsOf(config);
  const before = benefits[index];
  if (!before) throw new RangeError(`no member price at ${index}`);
  return { ...config, benefits: replaceAt(benefits, index, withoutUndefined({ ...before, ...patch })) };
}

export function removeMemberPrice(config: ProgramConfig, index: number): ProgramConfig {
  return { ...config, benefits: removeAt(benefitsOf(config), index) };
}

export function moveMemberPrice(config: ProgramConfig, from: number, to: number): ProgramConfig {
  return { ...config, benefits: moveItem(benefitsOf(config), from, to) };
}

export function scopeKind(scope: BenefitScope): BenefitScopeKind {
  if ("all" in scope) return "all";
  if ("productIds" in scope) return "productIds";
  if ("variantIds" in scope) return "variantIds";
  return "collectionIds";
}

export function scopeIds(scope: BenefitScope): string[] {
  if ("all" in scope) return [];
  if ("productIds" in scope) return scope.productIds;
  if ("variantIds" in scope) return scope.variantIds;
  return scope.collectionIds;
}

export function makeScope(kind: BenefitScopeKind, ids: string[]): BenefitScope {
  if (kind === "all") return { all: true };
  if (kind === "productIds") return { productIds: ids };
  if (kind === "variantIds") return { variantIds: ids };
  return { collectionIds: ids };
}

/** Ids typed one per line or separated by commas; blanks dropped, order kept, duplicates once. */
export function parseIdList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export function discountKind(discount: BenefitDiscount): BenefitDiscountKind {
  if ("percentOff" in discount) return "percentOff";
  if ("amountOff" in discount) return "amountOff";
  return "fixedPrice";
}

export function discountValue(discount: BenefitDiscount): number {
  if ("percentOff" in discount) return discount.percentOff;
  if ("amountOff" in discount) return discount.amountOff;
  return discount.fixedPrice;
}

/** A discount of a new kind with a value that kind accepts: 10%, 1.00 off, or a price of 10.00. */
export function defaultDiscount(kind: BenefitDiscountKind, currencyUnit: number): BenefitDiscount {
  if (kind === "percentOff") return { percentOff: 10 };
  if (kind === "amountOff") return { amountOff: currencyUnit };
  return { fixedPrice: 10 * currencyUnit };
}

export function makeDiscount(kind: BenefitDiscountKind, value: number): BenefitDiscount {
  if (kind === "percentOff") return { percentOff: value };
  if (kind === "amountOff") return { amountOff: value };
  return { fixedPrice: value };
}

// ---- partners -----------------------------------------------------------------------------------

export function partnersOf(config: ProgramConfig): Partner[] {
  return config.partners ?? [];
}

/** The engine's defaults for what a partner leaves out. */
export const DEFAULT_CLAIM_LIMIT: ClaimLimit = { count: 1, period: "lifetime" };

/**
 * Appends an enabled partner, one claim per member ever, free to the merchant. Its perk is left
 * empty on purpose: the engine asks for one, so no partner reaches shoppers undescribed.
 */
export function addPartner(config: ProgramConfig, name = "New partner"): ProgramConfig {
  const partners = partnersOf(config);
  const partner: Partner = {
    key: uniqueKey(
      name,
      partners.map((p) => p.key),
    ),
    name,
    perk: "",
    claimLimit: { ...DEFAULT_CLAIM_LIMIT },
    settlementPrice: 0,
    enabled: true,
  };
  return { ...config, partners: [...partners, partner] };
}

/** Changes a partner; a patch value of `undefined` removes that field (any tier). */
export function updatePartner(config: ProgramConfig, index: number, patch: Partial<Partner>): ProgramConfig {
  const partners = partnersOf(config);
  const before = partners[index];
  if (!before) throw new RangeError(`no partner at ${index}`);
  return { ...config, partners: replaceAt(partners, index, withoutUndefined({ ...before, ...patch })) };
}

/** Changes a partner's claim limit (count or period), starting from the engine's default. */
export function updatePartnerClaimLimit(config: ProgramConfig, index: number, patch: Partial<ClaimLimit>): ProgramConfig {
  const partner = partnersOf(config)[index];
  if (!partner) throw new RangeError(`no partner at ${index}`);
  return updatePartner(config, index, { claimLimit: { ...DEFAULT_CLAIM_LIMIT, ...partner.claimLimit, ...patch } });
}

export function removePartner(config: ProgramConfig, index: number): ProgramConfig {
  return { ...config, partners: removeAt(partnersOf(config), index) };
}

export function movePartner(config: ProgramConfig, from: number, to: number): ProgramConfig {
  return { ...config, partners: moveItem(partnersOf(config), from, to) };
}

// ---- validation issues --------------------------------------------------------------------------

/** One engine issue: "tiers.2.threshold: tier thresholds must increase" → path tiers/2/threshold. */
export interface ConfigIssue {
  path: string;
  message: string;
}

export function parseIssues(issues: readonly string[]): ConfigIssue[] {
  return issues.map((text) => {
    const at = text.indexOf(": ");
    if (at < 0) return { path: "", message: text };
    const path = text.slice(0, at);
    return { path: path === "(root)" ? "" : path, message: text.slice(at + 2) };
  });
}

export function issuePath(...segments: (string | number)[]): string {
  return segments.join(".");
}

/** The messages for exactly this field, e.g. issuesAt(issues, "tiers", 2, "threshold"). */
export function issuesAt(issues: readonly ConfigIssue[], ...segments: (string | number)[]): string[] {
  const path = issuePath(...segments);
  return issues.filter((i) => i.path === path).map((i) => i.message);
}

/**
 * The engine names a duplicate key on the whole list ("partners: duplicate partner key cafe"):
 * these are the ones about `key`, for the field of each item that has it.
 */
export function duplicateKeyIssues(issues: readonly ConfigIssue[], list: string, key: string): string[] {
  return issuesAt(issues, list).filter((message) => /^duplicate [a-z ]+ (\S+)$/.exec(message)?.[1] === key);
}

/** The messages anywhere under a path (a whole rule, a whole tab), for summaries. */
export function issuesUnder(issues: readonly ConfigIssue[], ...segments: (string | number)[]): ConfigIssue[] {
  const path = issuePath(...segments);
  return issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const sections: Record<string, { noun: string; list: (c: ProgramConfig) => readonly { name?: string }[] }> = {
  tiers: { noun: "Tier", list: (c) => c.tiers },
  rules: { noun: "Earn rule", list: (c) => c.rules },
  rewards: { noun: "Reward", list: (c) => rewardsOf(c) },
  benefits: { noun: "Member price", list: (c) => benefitsOf(c) },
  partners: { noun: "Partner", list: (c) => partnersOf(c) },
  plans: { noun: "Plan", list: (c) => c.plans ?? [] },
};

/** Where an issue points, for people: "Tier “Gold” › threshold", "Program › currency". */
export function issueLocation(config: ProgramConfig, issue: ConfigIssue): string {
  const [head, index, ...rest] = issue.path.split(".");
  const section = head ? sections[head] : undefined;
  if (!section) return ["Program", ...issue.path.split(".").filter(Boolean)].join(" › ");
  if (index === undefined || !/^\d+$/.test(index)) return `${section.noun}s`;
  const item = section.list(config)[Number(index)];
  const name = item?.name ? `${section.noun} “${item.name}”` : `${section.noun} ${Number(index) + 1}`;
  return [name, ...rest].join(" › ");
}

const tabSections = ["tiers", "rules", "rewards", "benefits", "partners", "plans", "referrals", "campaigns", "currencies"] as const;
export type IssueSection = (typeof tabSections)[number];

/** Which settings tab shows an issue: tiers, rules, rewards, benefits, partners, plans, referrals, campaigns, currencies; null for the rest. */
export function issueSection(issue: ConfigIssue): IssueSection | null {
  const head = issue.path.split(".")[0] ?? "";
  return tabSections.find((s) => s === head) ?? null;
}
