import { z } from "zod";

export const SEGMENTS = ["champions", "loyal", "at_risk", "lapsed", "new", "regular"] as const;
export type SegmentKey = (typeof SEGMENTS)[number];

/**
 * Segments pushed back to the platform: Shopify customer tags (`<tagPrefix><segment>`, and
 * `<tagPrefix>tier-<tier>` with `tiers`) and metafields (kinship.segment, kinship.rfm), Medusa
 * customer groups named the same. Only the listed segments are pushed; only changes are sent.
 */
export const SegmentSync = z.strictObject({
  enabled: z.boolean().default(false),
  segments: z.array(z.enum(SEGMENTS)).default([...SEGMENTS]),
  tiers: z.boolean().default(false).describe("also push the member's tier as a tag / group"),
  tagPrefix: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,20}$/, "lowercase letters, digits, - and _, up to 21")
    .default("kinship-"),
  metafields: z.boolean().default(true).describe("Shopify: also write the kinship.segment and kinship.rfm metafields"),
});
export type SegmentSync = z.infer<typeof SegmentSync>;
