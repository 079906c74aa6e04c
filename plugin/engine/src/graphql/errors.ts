import { type ExecutionResult, GraphQLError } from "graphql";
import type { EngineError, Result } from "../core/index.ts";

/** Codes the API adds to the engine's own (InsufficientPoints, InvalidConfig, UnknownMember, ...). */
export type ApiCode =
  | "BAD_REQUEST"
  | "GRAPHQL_PARSE_FAILED"
  | "GRAPHQL_VALIDATION_FAILED"
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "NOT_CONFIGURED"
  | "INTERNAL_SERVER_ERROR";

/** An expected failure: its message and `extensions.code` reach the client as they are. */
export class ApiError extends GraphQLError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code } });
    this.name = "ApiError";
  }
}

export function badInput(message: string): ApiError {
  return new ApiError("BAD_USER_INPUT", message);
}

/** An engine error as a GraphQL error: `extensions.code` is the engine's code, the details ride along. */
export function fromEngine(error: EngineError | { code: string; message: string }): ApiError {
  const { code, message, ...details } = error;
  return new ApiError(code, message, details);
}

/** The value of a typed result, or the typed failure thrown as a GraphQL error. */
export function unwrap<T>(result: Result<T, EngineError | { code: string; message: string }>): T {
  if (result.ok) return result.value;
  throw fromEngine(result.error);
}

/**
 * Errors a client may read: the API's own pass as they are; anything a resolver threw by surprise
 * becomes "internal error" (reported to `onError`, never to the client).
 */
export function maskErrors(result: ExecutionResult, onError?: (error: unknown) => void): ExecutionResult {
  if (!result.errors) return result;
  const errors = result.errors.map((e) => {
    const original = e.originalError;
    if (original !== undefined && !(original instanceof GraphQLError)) {
      onError?.(original);
      return new GraphQLError("internal error", { nodes: e.nodes, path: e.path, extensions: { code: "INTERNAL_SERVER_ERROR" } });
    }
    if (e.extensions.code) return e;
    // graphql-js's own: while resolving (a value the schema cannot represent) it is ours; before, the request's.
    if (e.path) {
      onError?.(e);
      return withCode(e, "INTERNAL_SERVER_ERROR");
    }
    return withCode(e, "BAD_USER_INPUT");
  });
  return { ...result, errors };
}

export function withCode(e: GraphQLError, code: ApiCode): GraphQLError {
  return new GraphQLError(e.message, {
    nodes: e.nodes,
    source: e.source,
    positions: e.positions,
    path: e.path,
    extensions: { ...e.extensions, code },
  });
}
