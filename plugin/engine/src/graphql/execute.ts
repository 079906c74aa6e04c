import {
  assertValidSchema,
  buildSchema,
  type DocumentNode,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  isObjectType,
  parse,
  specifiedRules,
  type ValidationRule,
  validate,
} from "graphql";
import { maskErrors, withCode } from "./errors.ts";

/** A GraphQL request as it arrives over HTTP. */
export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export type Resolver<C> = (source: unknown, args: Record<string, unknown>, context: C) => unknown;
export type Resolvers<C> = Record<string, Record<string, Resolver<C>>>;

/** One resolver map from several (each program beyond points brings its own); a field twice is a bug. */
export function mergeResolvers<C>(...maps: Resolvers<C>[]): Resolvers<C> {
  const merged: Resolvers<C> = {};
  for (const map of maps)
    for (const [typeName, fields] of Object.entries(map)) {
      const into = merged[typeName] ?? {};
      merged[typeName] = into;
      for (const [name, resolve] of Object.entries(fields)) {
        if (into[name]) throw new Error(`bug: two resolvers for ${typeName}.${name}`);
        into[name] = resolve;
      }
    }
  return merged;
}

/** Limits that keep one request cheap: its text, its tokens, and how many fields it selects (aliases count). */
const MAX_QUERY_CHARS = 20_000;
const MAX_TOKENS = 4_000;
const MAX_FIELDS = 200;

/**
 * The contract's SDL with resolvers attached to its fields. Fields without one read the property
 * of the same name (calling it when it is a function, which is how nested lazy fields are served).
 * Every Query and Mutation field must have a resolver, and no resolver may name a missing field.
 */
export function schemaOf<C>(sdl: string, resolvers: Resolvers<C>): GraphQLSchema {
  const schema = buildSchema(sdl);
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`bug: resolvers for ${typeName}, which the SDL has no object type for`);
    const defined = type.getFields();
    for (const [name, resolve] of Object.entries(fields)) {
      const field = defined[name];
      if (!field) throw new Error(`bug: a resolver for ${typeName}.${name}, which the SDL does not define`);
      field.resolve = resolve as GraphQLFieldResolver<unknown, C>;
    }
  }
  for (const root of [schema.getQueryType(), schema.getMutationType()])
    for (const field of Object.values(root?.getFields() ?? {}))
      if (!field.resolve) throw new Error(`bug: ${root?.name}.${field.name} has no resolver`);
  assertValidSchema(schema);
  return schema;
}

/** Parses, validates (with the limits above) and executes one request; errors come back masked. */
export async function run<C>(
  schema: GraphQLSchema,
  request: GraphQLRequest,
  contextValue: C,
  onError?: (error: unknown) => void,
): Promise<ExecutionResult> {
  const query = (request as Partial<GraphQLRequest> | null)?.query;
  if (typeof query !== "string" || query.trim() === "") return fail("BAD_REQUEST", "a GraphQL request needs a query string");
  if (query.length > MAX_QUERY_CHARS) return fail("BAD_REQUEST", `the query is longer than ${MAX_QUERY_CHARS} characters`);
  const variables = request.variables ?? undefined;
  if (variables !== undefined && (typeof variables !== "object" || Array.isArray(variables)))
    return fail("BAD_REQUEST", "variables must be an object");
  const checked = checkedDocument(schema, query);
  if ("errors" in checked) return { errors: checked.errors };
  const { document } = checked;
  const result = await execute({
    schema,
    document,
    variableValues: variables,
    operationName: request.operationName ?? undefined,
    contextValue,
  });
  return maskErrors(result, onError);
}

type Checked = { document: DocumentNode } | { errors: GraphQLError[] };

/** Valid documents by schema and text: storefronts send the same few queries again and again. */
const checkedDocuments = new WeakMap<GraphQLSchema, Map<string, Checked>>();
const MAX_CACHED_DOCUMENTS = 500;

function checkedDocument(schema: GraphQLSchema, query: string): Checked {
  let cache = checkedDocuments.get(schema);
  if (!cache) {
    cache = new Map();
    checkedDocuments.set(schema, cache);
  }
  const hit = cache.get(query);
  if (hit) return hit;
  const checked = parseAndValidate(schema, query);
  if ("errors" in checked) return checked;
  if (cache.size >= MAX_CACHED_DOCUMENTS) cache.clear();
  cache.set(query, checked);
  return checked;
}

function parseAndValidate(schema: GraphQLSchema, query: string): Checked {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: MAX_TOKENS });
  } catch (e) {
    if (e instanceof GraphQLError) return { errors: [withCode(e, "GRAPHQL_PARSE_FAILED")] };
    throw e;
  }
  const invalid = validate(schema, document, [...specifiedRules, maxFields(MAX_FIELDS)]);
  if (invalid.length > 0) return { errors: invalid.map((e) => withCode(e, "GRAPHQL_VALIDATION_FAILED")) };
  return { document };
}

function fail(code: "BAD_REQUEST", message: string): ExecutionResult {
  return { errors: [new GraphQLError(message, { extensions: { code } })] };
}

/** Counts every selected field, fragments included, so aliases cannot multiply the work unbounded. */
function maxFields(limit: number): ValidationRule {
  return (context) => {
    let count = 0;
    return {
      Field(node) {
        count += 1;
        if (count === limit + 1) context.reportError(new GraphQLError(`the query selects more than ${limit} fields`, { nodes: node }));
      },
    };
  };
}

/** Loads a value once per request, on first use. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= load();
    return value;
  };
}
