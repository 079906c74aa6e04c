import type { TypedDocumentString } from "./generated/graphql.ts";

/**
 * One named GraphQL operation the admin sends: `npm run codegen` generates its typed document
 * (generated/graphql.ts) from the .graphql files; `Data` and `Variables` type its answer and inputs.
 */
export interface Operation<Data, Variables> {
  readonly name: string;
  readonly document: string;
  /** Never set: carries the types for `AdminClient.request`. */
  readonly types?: { data: Data; variables: Variables };
}

/**
 * Wraps a generated typed document. The generator types the JSON scalar `unknown`: `Narrowed` and
 * `NarrowedVariables` give it the shape the engine keeps there (a member's profile, the program
 * config), and must still fit the generated types.
 */
export function operation<Data, Variables, Narrowed extends Data = Data, NarrowedVariables extends Variables = Variables>(
  name: string,
  document: TypedDocumentString<Data, Variables>,
): Operation<Narrowed, NarrowedVariables> {
  return { name, document: document.toString() };
}
