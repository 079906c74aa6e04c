import type { MemberMessages } from "../core/member-messages.ts";
import type { Messages, PerkMessages } from "../core/messages.ts";
import type { LauncherMessages } from "./messages.ts";

export interface LauncherConfig {
  /** Default `/apps/kinship/graphql` (the Shopify app proxy). */
  endpoint: string;
  program?: string;
  /** A member token (headless storefronts); absent on the app proxy. */
  token?: string;
  /** The logged-in customer's id; null or "" for a guest. */
  customer?: string | null;
  locale?: string;
  /** Where a guest creates an account and signs in (Liquid: routes.account_register_url / account_login_url). */
  registerUrl?: string;
  loginUrl?: string;
  /** Where each membership plan is sold (plan key → product URL): the plans on sale link there. */
  planUrls?: Record<string, string>;
  messages?: Partial<Messages & PerkMessages & LauncherMessages & MemberMessages>;
}

function json(doc: Document, id: string): Partial<LauncherConfig> {
  try {
    return JSON.parse(doc.getElementById(id)?.textContent || "{}");
  } catch {
    return {};
  }
}

/**
 * The launcher block's `#kinship-launcher-config` over the app embed's `#kinship-config` (a page
 * may carry both, or only one of them).
 */
export function readLauncherConfig(doc: Document): LauncherConfig {
  const c = { ...json(doc, "kinship-config"), ...json(doc, "kinship-launcher-config") };
  return {
    ...c,
    endpoint: c.endpoint || "/apps/kinship/graphql",
    customer: c.customer == null ? (c.customer as null | undefined) : String(c.customer),
    locale: c.locale || doc.documentElement.lang || undefined,
  };
}
