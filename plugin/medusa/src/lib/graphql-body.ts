import type { GraphQLRequest } from "@kinship/engine";

/** The GraphQL request in a JSON body, or why it is not one (answered 400 before anything runs). */
export function graphqlBody(body: unknown): { ok: true; request: GraphQLRequest } | { ok: false; message: string } {
  if (body === null || typeof body !== "object" || Array.isArray(body))
    return { ok: false, message: "send a JSON object { query, variables }" };
  const b = body as Record<string, unknown>;
  if (typeof b.query !== "string" || b.query.trim() === "") return { ok: false, message: "a GraphQL request needs a query string" };
  const request: GraphQLRequest = { query: b.query };
  if (b.variables !== undefined) request.variables = b.variables as Record<string, unknown> | null;
  if (typeof b.operationName === "string") request.operationName = b.operationName;
  return { ok: true, request };
}
