/**
 * The code the API refused an operation with ("PerksSoldOut", "UNAUTHENTICATED", …); undefined if
 * no answer came (offline, a timeout, a gateway's error page). Both requesters (graphql-request's
 * ClientError and the embed's fetch) put the answer on the error as `response`.
 */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { response?: { errors?: { extensions?: { code?: unknown } }[] } } | null)?.response?.errors?.[0]?.extensions?.code;
  return typeof code === "string" ? code : undefined;
}
