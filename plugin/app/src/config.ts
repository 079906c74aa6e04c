import { parseTokenKey } from "@kinship/engine";
import { LOG_LEVELS } from "@kinship/webhooks";
import { z } from "zod";

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.string().url().optional(),
  KINSHIP_DATA_DIR: z.string().default(".kinship/pglite"),
  REDIS_URL: z.string().url().optional(),
  KINSHIP_QUEUE_NAME: z.string().default("kinship-inbox"),
  SHOPIFY_API_KEY: z.string().min(1).optional(),
  SHOPIFY_API_SECRET: z.string().min(1).optional(),
  /** Seals shops' Admin API tokens at rest (AES-256-GCM): 32 bytes, hex or base64. Without it no shop token is stored. */
  KINSHIP_TOKEN_KEY: z
    .string()
    .optional()
    .transform((s, ctx) => {
      const key = s?.trim();
      if (!key) return undefined;
      try {
        parseTokenKey(key);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
      }
      return key;
    }),
  KINSHIP_WORKER: z.enum(["on", "off"]).default("on"),
  /**
   * The admin's development sign-in (the demo program's admin outside Shopify): on by default only
   * without SHOPIFY_API_KEY; "on" with a real key is allowed (and logged loudly), "off" turns it off.
   */
  KINSHIP_DEV_SIGNIN: z.enum(["on", "off"]).optional(),
  /** How often the server's worker maintains every program (maturity, expiry, tiers); 0: never here. */
  KINSHIP_MAINTAIN_EVERY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(15 * 60_000),
  /** How often the server's worker sends changed members' tiers and points to Shopify; 0: never here. */
  KINSHIP_SYNC_EVERY_MS: z.coerce.number().int().min(0).default(10_000),
  /** How often the server's worker sends Kinship's events to Shopify Flow as triggers; 0: never here. */
  KINSHIP_FLOW_EVERY_MS: z.coerce.number().int().min(0).default(5_000),
  /** How often the server's worker sends due outbound webhook deliveries; 0: never here. */
  KINSHIP_WEBHOOKS_EVERY_MS: z.coerce.number().int().min(0).default(5_000),
  /** Origins of headless storefronts allowed to call /storefront/graphql from the browser, comma separated. */
  KINSHIP_CORS_ORIGINS: z
    .string()
    .default("")
    .transform((s, ctx) => {
      const origins = s
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean);
      for (const o of origins)
        if (!isOrigin(o)) ctx.addIssue({ code: "custom", message: `not an origin: ${o} (expected scheme://host[:port], no path)` });
      return origins;
    }),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
});

function isOrigin(o: string): boolean {
  try {
    const u = new URL(o);
    return (u.protocol === "https:" || u.protocol === "http:") && u.origin === o;
  } catch {
    return false;
  }
}

export type AppConfig = z.infer<typeof Env>;

/** Whether the server offers the dev sign-in: never with a Shopify app configured, unless asked for explicitly. */
export function devSignInEnabled(config: Pick<AppConfig, "SHOPIFY_API_KEY" | "KINSHIP_DEV_SIGNIN">): boolean {
  return config.SHOPIFY_API_KEY ? config.KINSHIP_DEV_SIGNIN === "on" : config.KINSHIP_DEV_SIGNIN !== "off";
}

/** Server settings from the environment, validated; a bad value stops the start with its name. */
export function configFrom(env: NodeJS.ProcessEnv): AppConfig {
  const parsed = Env.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new Error(`bad environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
}
