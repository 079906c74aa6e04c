import { defaultProgramConfig } from "@kinship/engine";
import { z } from "zod";

/**
 * The plugin's options (`plugins: [{ resolve: "@kinship/medusa", options }]` in medusa-config.ts).
 * Unknown keys are refused, so a typo fails the boot instead of being ignored.
 */
const Options = z.strictObject({
  /** The Kinship program this store is (one per Medusa store). */
  program: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.:_-]*$/, "lowercase letters, digits, . : _ -")
    .default("medusa-store"),
  /** The store's currency: points are earned on orders in it. */
  currency: z
    .string()
    .regex(/^[a-zA-Z]{3}$/, "an ISO 4217 code such as usd")
    .transform((c) => c.toUpperCase())
    .default("USD"),
  /** The program config the program starts with (tiers, rules, rewards, benefits); later changes go through the admin. */
  config: z.record(z.string(), z.unknown()).optional(),
  /** When points are earned: as soon as the order is placed (pending for the program's return window), or when it is completed. */
  earnOn: z.enum(["order.placed", "order.completed"]).default("order.placed"),
  /** What gives points back: payment refunds (default), or received returns. Never both: the same money would be counted twice. */
  reverseOn: z.enum(["refund", "return"]).default("refund"),
  /** Connections Kinship keeps to Medusa's database. */
  poolSize: z.number().int().min(1).max(50).default(5),
  /** The storefront's address: a member's referral link is `<storefrontUrl>?ref=<code>` (none without it). */
  storefrontUrl: z.url({ protocol: /^https?$/, message: "an http(s) address such as https://shop.example.com/" }).optional(),
  /** Runs of an event (the first and the retries of the scheduled job) before it becomes a dead letter. */
  attempts: z.number().int().min(1).max(25).default(5),
});

export type KinshipOptions = z.infer<typeof Options> & { config: Record<string, unknown> };

/** Parses the options Medusa hands the module (plugin options, plus keys Medusa adds itself). */
export function parseOptions(raw: unknown): KinshipOptions {
  const { database: _database, ...given } = (raw ?? {}) as Record<string, unknown>;
  const parsed = Options.safeParse(given);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`);
    throw new Error(`@kinship/medusa: invalid plugin options: ${issues.join("; ")}`);
  }
  const o = parsed.data;
  return { ...o, config: o.config ?? (defaultProgramConfig(o.currency) as unknown as Record<string, unknown>) };
}
