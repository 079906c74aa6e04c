import { createContext, type ReactNode, useContext, useMemo } from "react";
import { messages as defaults, type Messages, type PerkMessages, perkMessages } from "../core/messages.ts";
import { customerScope } from "../core/scope.ts";
import { createPerksSession, type PerksSession } from "../core/session.ts";
import { snapshotKey, snapshotStore } from "../core/snapshot.ts";
import { graphqlRequest } from "./client.ts";

export interface KinshipProviderProps {
  /** `/apps/kinship/graphql` on a Shopify storefront (app proxy), or `<api>/storefront/graphql` headless. */
  endpoint: string;
  /** The program key, sent as X-Kinship-Program when there is no member token (headless guests). */
  program?: string;
  /** The member token from `createMemberToken` (headless); omit for guests and on the app proxy. */
  token?: string;
  /** Extra request headers: on a Medusa storefront, `{ "x-publishable-api-key": "pk_…" }`. Keep the object stable (memoise it). */
  headers?: Record<string, string>;
  /** Replaces the global fetch (tests, server-side fetch with cookies, …). */
  fetch?: typeof fetch;
  /** BCP 47 locale for money and numbers; defaults to "en" so server and browser render alike. */
  locale?: string;
  /**
   * Whose cached snapshot to use when the API is down: the customer id, or null for a guest.
   * Defaults to the member token's subject, or guest without a token.
   */
  customerId?: string | null;
  /** Replaces any of the texts shown (English by default). */
  messages?: Partial<Messages & PerkMessages>;
  children?: ReactNode;
}

export interface KinshipContextValue {
  session: PerksSession;
  locale: string;
  messages: Messages & PerkMessages;
}

const KinshipContext = createContext<KinshipContextValue | null>(null);

/** One session per provider: `me` is asked once and member prices are batched for all its widgets. */
export function KinshipProvider({
  endpoint,
  program,
  token,
  headers,
  fetch,
  locale = "en",
  customerId,
  messages,
  children,
}: KinshipProviderProps) {
  const session = useMemo(() => {
    const customer = customerScope(customerId === undefined && !token ? null : customerId, token);
    return createPerksSession({
      request: graphqlRequest({ endpoint, program, token, headers, fetch }),
      snapshot: snapshotStore(customer && snapshotKey(endpoint, program, customer)),
      customer,
    });
  }, [endpoint, program, token, headers, fetch, customerId]);
  const value = useMemo(() => ({ session, locale, messages: { ...defaults, ...perkMessages, ...messages } }), [session, locale, messages]);
  return <KinshipContext.Provider value={value}>{children}</KinshipContext.Provider>;
}

export function useKinship(): KinshipContextValue {
  const value = useContext(KinshipContext);
  if (!value) throw new Error("Kinship widgets must be rendered inside <KinshipProvider>");
  return value;
}
