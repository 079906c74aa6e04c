import type { GraphQLRequest } from "@kinship/engine";
import type { MedusaResponse } from "@medusajs/framework/http";

/**
 * The GraphQL request in a JSON body. Anything else is answered 400 here, before anything runs,
 * and null comes back. Answers are for one user: never cached.
 */
export function graphqlRequestOf(body: unknown, res: MedusaResponse): GraphQLRequest | null {
  res.setHeader("cache-control", "private, no-store");
  const b = (body ?? null) as Record<string, unknown> | null;
  const problem =
    b === null || typeof b !== "object" || Array.isArray(b)
      ? "send a JSON object { query, variables }"
      : typeof b.query !== "string" || b.query.trim() === ""
        ? "a GraphQL request needs a query string"
        : null;
  if (problem || !b) {
    res.status(400).json({ errors: [{ message: problem, extensions: { code: "BAD_REQUEST" } }] });
    return null;
  }
  const request: GraphQLRequest = { query: b.query as string };
  if (b.variables !== undefined) request.variables = b.variables as Record<string, unknown> | null;
  if (typeof b.operationName === "string") request.operationName = b.operationName;
  return request;
}
