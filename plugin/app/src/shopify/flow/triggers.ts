import type { EventTopic } from "@kinship/engine";

/**
 * Kinship's Shopify Flow triggers: one per event topic, declared as a `flow_trigger` extension
 * (plugin/app/extensions/flow-<handle>, generated from this table: see extension-toml.ts) and sent
 * with the Admin API's `flowTriggerReceive(handle, payload)`.
 *
 * Flow's rules (Shopify CLI's flow_trigger schema): a handle has at most 30 characters, letters,
 * digits and hyphens; a field key has letters and spaces only; trigger fields are
 * `single_line_text_field`, `number_decimal`, `boolean`, `email` or `url` (no integer type); the
 * `customer_reference` field travels as `customer_id`, the customer's numeric id.
 */
export type TriggerFieldType = "single_line_text_field" | "number_decimal";

export interface TriggerField {
  /** The key in Flow's payload and the variable's name in the Flow editor. */
  key: string;
  type: TriggerFieldType;
  description: string;
  /** The value from the event's payload; a missing value is sent as "" or 0 (Flow fails a workflow on a missing field). */
  from: readonly string[];
}

export interface TriggerDefinition {
  topic: EventTopic;
  handle: string;
  /** Merchant-facing: object + past-tense verb, sentence case, no punctuation. */
  name: string;
  description: string;
  fields: readonly TriggerField[];
}

const text = (key: string, description: string, ...from: string[]): TriggerField => ({
  key,
  type: "single_line_text_field",
  description,
  from,
});
const number = (key: string, description: string, ...from: string[]): TriggerField => ({ key, type: "number_decimal", description, from });

const points = (description: string) => number("Points", description, "points");
const plan = text("Plan", "The membership plan's id", "plan", "planId");
const periodEnd = text("Period end", "When the paid period ends (ISO 8601, UTC)", "periodEnd", "endsAt", "currentPeriodEnd");

/** `points.earned` → `points-earned`: the topic is the handle, so a delivery names its trigger. */
export const handleOf = (topic: string): string => topic.replace(/[._]/g, "-");

const define = (topic: EventTopic, name: string, description: string, fields: TriggerField[]): TriggerDefinition => ({
  topic,
  handle: handleOf(topic),
  name,
  description,
  fields,
});

export const FLOW_TRIGGERS: Readonly<Record<EventTopic, TriggerDefinition>> = {
  "points.earned": define(
    "points.earned",
    "Loyalty points earned",
    "A member earned Kinship loyalty points (an order or a custom event).",
    [
      points("The points earned"),
      text("Order id", "The order that earned them (empty for other sources)", "orderId"),
      text("Rule", "The earn rule that awarded them (empty for a manual credit)", "ruleId", "rule"),
    ],
  ),
  "points.spent": define("points.spent", "Loyalty points spent", "A member spent Kinship loyalty points.", [
    points("The points spent"),
    text("Reason", "What they were spent on", "reason"),
  ]),
  "points.expiring": define("points.expiring", "Loyalty points expiring", "Some of a member's Kinship points expire soon.", [
    points("The points that will expire"),
    text("Expires at", "When they expire (ISO 8601, UTC)", "expiresAt"),
  ]),
  "points.expired": define("points.expired", "Loyalty points expired", "Some of a member's Kinship points expired.", [
    points("The points that expired"),
  ]),
  "tier.changed": define("tier.changed", "Loyalty tier changed", "A member moved to another Kinship tier.", [
    text("Previous tier", "The tier key before (empty when the member had none)", "from"),
    text("New tier", "The tier key now", "to"),
    text("Reason", "Why the tier changed", "reason"),
    number("Growth", "The member's growth value that decided it", "growth"),
  ]),
  "reward.redeemed": define("reward.redeemed", "Loyalty reward redeemed", "A member redeemed Kinship points for a reward.", [
    text("Reward", "The reward's id", "rewardId", "reward"),
    text("Code", "The discount code the member got", "code"),
    points("The points it cost"),
  ]),
  "referral.paid": define(
    "referral.paid",
    "Referral paid",
    "A member's referral was paid: the referee's first order is past its return window.",
    [
      text("Referral id", "The referral's id", "referralId", "id"),
      text("Referee", "The referred customer's id", "refereeId", "referee"),
      points("The points the referrer earned"),
    ],
  ),
  "referral.flagged": define("referral.flagged", "Referral flagged", "A member's referral waits for review: a fraud check flagged it.", [
    text("Referral id", "The referral's id", "referralId", "id"),
    text("Referee", "The referred customer's id", "refereeId", "referee"),
    text("Signals", "The fraud signals that flagged it, comma separated", "signals"),
  ]),
  "membership.started": define("membership.started", "Membership started", "A customer's paid membership started.", [plan, periodEnd]),
  "membership.renewed": define("membership.renewed", "Membership renewed", "A member renewed their paid membership.", [plan, periodEnd]),
  "membership.renewal_due": define("membership.renewal_due", "Membership renewal due", "A member's paid membership ends soon.", [
    plan,
    periodEnd,
  ]),
  "membership.lapsed": define("membership.lapsed", "Membership lapsed", "A member's paid membership lapsed after its grace period.", [
    plan,
    periodEnd,
  ]),
  "badge.earned": define("badge.earned", "Loyalty badge earned", "A member earned a Kinship badge.", [
    text("Badge", "The badge's id", "badge", "badgeId", "key"),
    text("Badge name", "The badge's name", "name", "badgeName"),
  ]),
};

export type TriggerCall = { ok: true; handle: string; payload: Record<string, string | number> } | { ok: false; error: string };

/**
 * The `flowTriggerReceive` arguments for one event: its trigger's handle and a payload with the
 * customer reference and every declared field. Pure.
 */
export function triggerCall(event: { topic: string; customerId: string; payload: Readonly<Record<string, unknown>> }): TriggerCall {
  const definition = (FLOW_TRIGGERS as Record<string, TriggerDefinition | undefined>)[event.topic];
  if (!definition) return { ok: false, error: `no Flow trigger for topic ${event.topic}` };
  const customer = shopifyCustomerNumber(event.customerId);
  if (customer === null) return { ok: false, error: `customer ${event.customerId} is not a Shopify customer id` };
  const payload: Record<string, string | number> = { customer_id: customer };
  for (const field of definition.fields) payload[field.key] = fieldValue(field, event.payload);
  return { ok: true, handle: definition.handle, payload };
}

/**
 * Flow's customer reference is the customer's numeric id (`"customer_id": 12345` in Shopify's
 * trigger reference). Shopify's customer ids are far below 2^53, so the number is exact; anything
 * else (a non-Shopify id, a number past 2^53) is refused rather than sent wrong.
 */
export function shopifyCustomerNumber(customerId: string): number | null {
  const digits = /^(?:gid:\/\/shopify\/Customer\/)?(\d{1,16})$/.exec(customerId)?.[1];
  if (digits === undefined) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function fieldValue(field: TriggerField, payload: Readonly<Record<string, unknown>>): string | number {
  const found = field.from.map((k) => payload[k]).find((v) => v !== undefined && v !== null);
  if (field.type === "number_decimal") {
    const n = typeof found === "number" ? found : typeof found === "string" ? Number(found) : Number.NaN;
    return Number.isFinite(n) ? n : 0;
  }
  if (Array.isArray(found)) return found.map(String).join(", ");
  if (found instanceof Date) return found.toISOString();
  return found === undefined || found === null || typeof found === "object" ? "" : String(found);
}
