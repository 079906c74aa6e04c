/**
 * What Kinship tells the rest of the merchant's stack: every topic an outbound webhook endpoint, a
 * Shopify Flow trigger or Medusa's event bus can receive. Each is an outbox message written in the
 * same transaction as the ledger change it reports; the payload always carries `customerId`.
 */
export const EVENT_TOPICS = [
  "points.earned",
  "points.spent",
  "points.expiring",
  "points.expired",
  "tier.changed",
  "reward.redeemed",
  "referral.paid",
  "referral.flagged",
  "membership.started",
  "membership.renewed",
  "membership.renewal_due",
  "membership.lapsed",
  "badge.earned",
] as const;
export type EventTopic = (typeof EVENT_TOPICS)[number];

/** Outbox topics that only Kinship's own platform sync reads (re-armed per member, not events). */
export const INTERNAL_TOPICS = ["points.changed", "member.created"] as const;
export type OutboxTopic = EventTopic | (typeof INTERNAL_TOPICS)[number];

export function isEventTopic(topic: string): topic is EventTopic {
  return (EVENT_TOPICS as readonly string[]).includes(topic);
}
