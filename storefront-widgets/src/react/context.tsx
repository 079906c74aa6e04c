import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { type MemberMessages, memberMessages } from "../core/member-messages.ts";
import { messages as defaults, type Messages, type PerkMessages, perkMessages } from "../core/messages.ts";
import { type CartReferral, captureReferral, type Referral, recordSessionOnce, syncCart } from "../core/referral.ts";
import { customerScope } from "../core/scope.ts";
import { createPerksSession, type PerksSession } from "../core/session.ts";
import { snapshotKey, snapshotStore } from "../core/snapshot.ts";
import { graphqlRequest } from "./client.ts";

export type WidgetMessages = Messages & PerkMessages & MemberMessages;

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
  /** Replaces any of the texts shown (English by default; `memberMessagesZhCN` for the membership widgets in Chinese). */
  messages?: Partial<WidgetMessages>;
  /** Where each plan is sold (plan key → product page), for <MembershipValue>'s offers. */
  planUrls?: Record<string, string>;
  /**
   * Puts the captured referral on the cart (Medusa / headless: `medusaCartReferral(sdk, cartId)`
   * writes `metadata.kinship_ref` and `metadata.kinship_device`). Called once per value and
   * `cartId`; a rejection is retried on the next mount. Keep it stable (memoise it).
   */
  updateCart?: (referral: CartReferral) => Promise<unknown>;
  /** The cart `updateCart` writes to: a new cart gets the referral again. */
  cartId?: string;
  children?: ReactNode;
}

export interface KinshipContextValue {
  session: PerksSession;
  locale: string;
  messages: WidgetMessages;
  planUrls: Record<string, string>;
  /** `?ref=` and the device id as captured in this browser; nulls until mounted (and on the server). */
  referral: Referral;
}

const KinshipContext = createContext<KinshipContextValue | null>(null);

const NO_REFERRAL: Referral = { code: null, deviceId: null };
const NO_URLS: Record<string, string> = {};

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
  planUrls = NO_URLS,
  updateCart,
  cartId,
  children,
}: KinshipProviderProps) {
  const { session, customer } = useMemo(() => {
    const customer = customerScope(customerId === undefined && !token ? null : customerId, token);
    const session = createPerksSession({
      request: graphqlRequest({ endpoint, program, token, headers, fetch }),
      snapshot: snapshotStore(customer && snapshotKey(endpoint, program, customer)),
      customer,
    });
    return { session, customer };
  }, [endpoint, program, token, headers, fetch, customerId]);
  const [referral, setReferral] = useState(NO_REFERRAL);

  // In an effect: cookies are the browser's (the server renders no referral).
  useEffect(() => setReferral(captureReferral(document)), []);
  useEffect(() => {
    if (referral === NO_REFERRAL) return;
    if (updateCart) syncCart(document, referral, cartId ?? "", updateCart).catch(() => {});
  }, [referral, updateCart, cartId]);
  useEffect(() => {
    if (referral !== NO_REFERRAL) recordSessionOnce(customer, referral, (d) => session.recordSession(d));
  }, [referral, session, customer]);

  const value = useMemo(
    () => ({ session, locale, planUrls, referral, messages: { ...defaults, ...perkMessages, ...memberMessages, ...messages } }),
    [session, locale, messages, planUrls, referral],
  );
  return <KinshipContext.Provider value={value}>{children}</KinshipContext.Provider>;
}

export function useKinship(): KinshipContextValue {
  const value = useContext(KinshipContext);
  if (!value) throw new Error("Kinship widgets must be rendered inside <KinshipProvider>");
  return value;
}
