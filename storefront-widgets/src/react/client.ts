import { GraphQLClient } from "graphql-request";
import type { GraphQLRequest } from "../core/types.ts";

export interface ClientOptions {
  endpoint: string;
  program?: string;
  token?: string;
  /** Sent with every request, e.g. Medusa's `x-publishable-api-key`. */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

/**
 * The storefront endpoint: the app proxy (`/apps/kinship/graphql`, Shopify adds the identity) or
 * `<api>/storefront/graphql` with the member token (guests: the program key instead).
 */
export function graphqlRequest({ endpoint, program, token, headers: extra, fetch }: ClientOptions): GraphQLRequest {
  const headers: Record<string, string> = { ...extra };
  if (token) headers.authorization = `Bearer ${token}`;
  else if (program) headers["x-kinship-program"] = program;
  let client: GraphQLClient | undefined;
  return (query, variables) => {
    client ??= new GraphQLClient(absolute(endpoint), { headers, ...(fetch ? { fetch } : {}) });
    return client.request(query, variables);
  };
}

/** graphql-request needs an absolute URL; the app proxy path is relative to the storefront. */
function absolute(endpoint: string): string {
  return typeof location === "undefined" ? endpoint : new URL(endpoint, location.href).href;
}

export { errorCode } from "../core/errors.ts";
