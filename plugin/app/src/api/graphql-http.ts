import type { FastifyReply } from "fastify";
import { getOperationAST, parse } from "graphql";

/** One GraphQL-over-HTTP request, as the engine's executors take it. */
export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export type Parsed = { ok: true; request: GraphQLRequest } | { ok: false; status: number; message: string };

const bad = (status: number, message: string): Parsed => ({ ok: false, status, message });

function build(query: unknown, variables: unknown, operationName: unknown): Parsed {
  if (typeof query !== "string" || query.trim() === "") return bad(400, "a GraphQL request needs a `query` string");
  if (variables !== undefined && variables !== null && (typeof variables !== "object" || Array.isArray(variables)))
    return bad(400, "`variables` must be an object");
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string")
    return bad(400, "`operationName` must be a string");
  const request: GraphQLRequest = { query };
  if (variables) request.variables = variables as Record<string, unknown>;
  if (operationName) request.operationName = operationName;
  return { ok: true, request };
}

/** A POST body: `{ query, variables?, operationName? }` as JSON. */
export function fromBody(raw: unknown): Parsed {
  let body: unknown;
  try {
    body = JSON.parse(String(raw ?? ""));
  } catch {
    return bad(400, "the body is not JSON");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return bad(400, "the body must be a JSON object");
  const { query, variables, operationName } = body as Record<string, unknown>;
  return build(query, variables, operationName);
}

/**
 * A GET: `query`, `variables` (JSON) and `operationName` from the query string. GET never
 * mutates (GraphQL over HTTP): a mutation sent that way is refused with 405.
 */
export function fromQuery(params: URLSearchParams): Parsed {
  let variables: unknown;
  const rawVariables = params.get("variables");
  if (rawVariables) {
    try {
      variables = JSON.parse(rawVariables);
    } catch {
      return bad(400, "`variables` is not JSON");
    }
  }
  const parsed = build(params.get("query"), variables, params.get("operationName") ?? undefined);
  if (!parsed.ok) return parsed;
  try {
    const op = getOperationAST(parse(parsed.request.query), parsed.request.operationName);
    if (op?.operation === "mutation") return bad(405, "mutations need POST");
  } catch {
    // A syntax error is reported by the executor, in GraphQL's own shape.
  }
  return parsed;
}

/** An error answer in GraphQL's shape, so clients read every failure the same way. */
export function graphqlError(res: FastifyReply, status: number, message: string, code: string): FastifyReply {
  if (status === 405) res.header("allow", "POST");
  return res
    .code(status)
    .type("application/json; charset=utf-8")
    .send({ errors: [{ message, extensions: { code } }] });
}
