import type { TypedDocumentString } from "./generated/graphql.ts";

/**
 * The GraphQL documents the admin screens send, against the admin surface (`adminSdl`, exported by
 * @kinship/engine/schema). They are written in operations.graphql; `npm run codegen` generates their
 * typed documents (generated/graphql.ts). Each is one named operation; `Data` and `Variables` type
 * its answer and inputs.
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
