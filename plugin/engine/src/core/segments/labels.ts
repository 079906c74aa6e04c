import type { SegmentKey, SegmentSync } from "../config/segments.ts";

/** A segment's label on the platform (Shopify tag, Medusa customer group name): `kinship-champions`. */
export function segmentLabel(prefix: string, segment: string): string {
  return `${prefix}${segment}`;
}

/** A tier's label on the platform: `kinship-tier-gold`. */
export function tierLabel(prefix: string, tierKey: string): string {
  return `${prefix}tier-${tierKey}`;
}

/**
 * The labels the program wants on a member: their segment's if it is one of the chosen segments,
 * their tier's if tiers are pushed; nothing while the sync is off. Sorted.
 */
export function desiredLabels(sync: SegmentSync, segment: SegmentKey | null, tierKey: string): string[] {
  if (!sync.enabled) return [];
  const labels: string[] = [];
  if (segment !== null && sync.segments.includes(segment)) labels.push(segmentLabel(sync.tagPrefix, segment));
  if (sync.tiers) labels.push(tierLabel(sync.tagPrefix, tierKey));
  return labels.sort();
}
