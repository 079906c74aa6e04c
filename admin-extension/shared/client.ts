import { ClientError, GraphQLClient } from "graphql-request";
import type { Operation } from "./operation.ts";

/** Where the Medusa admin serves the admin surface: same origin, the admin's cookie session. */
export const MEDUSA_ADMIN_ENDPOINT = "/admin/kinship/graphql";
/** Where the standalone Kinship server serves it: a session token or an API key as Bearer. */
export const STANDALONE_ADMIN_ENDPOINT = "/admin/graphql";

export interface AdminClientOptions {
  /** Absolute, or relative to the page's origin. */
  endpoint: string;
  /** Static headers, or a function called before every request (e.g. a fresh session token). */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  fetch?: typeof fetch;
  credentials?: RequestCredentials;
}

export interface AdminClient {
  /** The resolved endpoint; also scopes this client's cached queries. */
  readonly endpoint: string;
  request<Data, Variables>(operation: Operation<Data, Variables>, variables: Variables, signal?: AbortSignal): Promise<Data>;
}

/**
 * A failure the screens can show: the engine's code from `extensions.code` (InsufficientPoints,
 * InvalidConfig, UnknownMember, ...), the API's own (BAD_USER_INPUT, UNAUTHENTICATED, ...), or
 * NETWORK_ERROR / HTTP_ERROR when no GraphQL answer arrived.
 */
export class AdminApiError extends Error {
  readonly code: string;
  /** InvalidConfig: "tiers.2.threshold: tier thresholds must increase", ... */
  readonly issues?: string[];
  /** Everything else in `extensions` (InsufficientPoints carries available and requested). */
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, issues?: string[], details: Record<string, unknown> = {}) {
    super(message);
    this.name = "AdminApiError";
    this.code = code;
    if (issues) this.issues = issues;
    this.details = details;
  }
}

export function isAdminApiError(error: unknown): error is AdminApiError {
  return error instanceof AdminApiError;
}

/** Only a failure to reach the API is worth retrying; the engine's answers are final. */
export function isRetryable(error: unknown): boolean {
  return isAdminApiError(error) && (error.code === "NETWORK_ERROR" || (error.code === "HTTP_ERROR" && Number(error.details.status) >= 500));
}

export function createAdminClient(options: AdminClientOptions): AdminClient {
  const endpoint = resolveEndpoint(options.endpoint);
  const { headers } = options;
  const client = new GraphQLClient(endpoint, {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    async requestMiddleware(request) {
      if (!headers) return request;
      const extra = new Headers(typeof headers === "function" ? await headers() : headers);
      const merged = new Headers(request.headers);
      extra.forEach((value, name) => {
        merged.set(name, value);
      });
      return { ...request, headers: merged };
    },
  });
  return {
    endpoint,
    async request<Data, Variables>(operation: Operation<Data, Variables>, variables: Variables, signal?: AbortSignal): Promise<Data> {
      if (!isAbsolute(endpoint))
        throw new AdminApiError("NOT_CONFIGURED", `The Kinship admin endpoint ${endpoint} needs an absolute URL outside a browser page`);
      try {
        return await client.request<Data>({
          document: operation.document,
          variables: variables as Record<string, unknown>,
          ...(signal ? { signal } : {}),
        });
      } catch (error) {
        throw toAdminApiError(error);
      }
    },
  };
}

/** The client the Medusa admin widgets use when no provider gives another. */
export function medusaAdminClient(options: Partial<AdminClientOptions> = {}): AdminClient {
  return createAdminClient({ endpoint: MEDUSA_ADMIN_ENDPOINT, credentials: "include", ...options });
}

/** The standalone server's admin surface with a Bearer token (an API key, or a function for a fresh session token). */
export function standaloneAdminClient(options: {
  token: string | (() => string | Promise<string>);
  endpoint?: string;
  fetch?: typeof fetch;
}): AdminClient {
  const { token } = options;
  return createAdminClient({
    endpoint: options.endpoint ?? STANDALONE_ADMIN_ENDPOINT,
    headers: async () => ({ Authorization: `Bearer ${typeof token === "function" ? await token() : token}` }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

export function toAdminApiError(error: unknown): AdminApiError {
  if (error instanceof AdminApiError) return error;
  if (error instanceof ClientError) {
    const first = error.response.errors?.[0] as { message?: unknown; extensions?: Record<string, unknown> } | undefined;
    if (first) {
      const { code, issues, ...details } = first.extensions ?? {};
      const message = typeof first.message === "string" ? first.message : "The Kinship API refused the request";
      const issueList = Array.isArray(issues) ? issues.filter((i): i is string => typeof i === "string") : undefined;
      return new AdminApiError(typeof code === "string" ? code : "UNKNOWN", message, issueList, details);
    }
    const status = error.response.status;
    if (status === 401)
      return new AdminApiError("UNAUTHENTICATED", "Your admin session has expired. Sign in again.", undefined, { status });
    if (status === 403) return new AdminApiError("FORBIDDEN", "You are not allowed to manage the loyalty program.", undefined, { status });
    return new AdminApiError("HTTP_ERROR", `The Kinship API answered with HTTP ${status}.`, undefined, { status });
  }
  if (error instanceof Error && error.name === "AbortError") return new AdminApiError("ABORTED", "The request was cancelled.");
  return new AdminApiError("NETWORK_ERROR", "Could not reach the Kinship API. Check your connection and try again.", undefined, {
    cause: error instanceof Error ? error.message : String(error),
  });
}

function isAbsolute(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** graphql-request needs an absolute URL; in a page, a relative endpoint is on the page's origin. */
function resolveEndpoint(endpoint: string): string {
  if (isAbsolute(endpoint)) return endpoint;
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  return origin && isAbsolute(origin) ? new URL(endpoint, origin).href : endpoint;
}
