import { MEMBER, MEMBER_LEDGER, ORDER } from "./operations.ts";
import type { AdminMember, LedgerLine, OrderPoints } from "./types.ts";

/** What the admin extension's host gives: the staff user's ID token and a fetch. */
export interface AdminHost {
  idToken(): Promise<string | null>;
  fetch: typeof fetch;
}

/** A call the server refused or could not answer; `code` is the GraphQL error code or HTTP_<status>. */
export class AdminBlockError extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.name = "AdminBlockError";
    this.code = code;
  }
}

export interface AdminBlocksClient {
  /** The member, or null when the customer is not a member yet. */
  member(customerId: string): Promise<AdminMember | null>;
  /** The member's newest ledger lines (at most `first`); empty for a customer who is not a member. */
  latestLines(customerId: string, first: number): Promise<LedgerLine[]>;
  /** What the order did to points, or null when it touched no ledger. */
  order(orderId: string): Promise<OrderPoints | null>;
}

type Answer<T> = { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] } | null;

/** The app's admin GraphQL at `endpoint` (its /admin/graphql), as the signed-in staff user. */
export function adminBlocksClient(endpoint: string, host: AdminHost): AdminBlocksClient {
  const call = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    // Shopify's fetch also adds the token to calls to the app's own domain; sending it ourselves
    // keeps the call authenticated wherever the app is served. Without one the server says why.
    const token = await host.idToken();
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await host.fetch(endpoint, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    } catch (e) {
      throw new AdminBlockError(e instanceof Error ? e.message : "network error", "NETWORK");
    }
    const body = (await res.json().catch(() => null)) as Answer<T>;
    const error = body?.errors?.[0];
    if (error) throw new AdminBlockError(error.message, error.extensions?.code ?? `HTTP_${res.status}`);
    if (!res.ok || !body?.data) throw new AdminBlockError(`the Kinship server answered ${res.status}`, `HTTP_${res.status}`);
    return body.data;
  };
  return {
    async member(customerId) {
      return (await call<{ member: AdminMember | null }>(MEMBER, { customerId })).member;
    },
    async latestLines(customerId, first) {
      const data = await call<{ member: { ledger: { lines: LedgerLine[] } } | null }>(MEMBER_LEDGER, { customerId, first });
      return data.member?.ledger.lines ?? [];
    },
    async order(orderId) {
      return (await call<{ order: OrderPoints | null }>(ORDER, { orderId })).order;
    },
  };
}
