import { readFileSync } from "node:fs";
import { parse, stringify } from "lossless-json";

const dir = new URL("../../../test/fixtures/shopify/", import.meta.url);

/** A Shopify fixture's raw text, exactly as it would arrive. */
export function fixture(name: string): string {
  return readFileSync(new URL(name, dir), "utf8");
}

/** A payload the tests poke at freely. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into arbitrary payload fields
export type Body = any;

/** A fixture changed by `mutate`, parsed and re-serialised losslessly (64-bit ids stay exact). */
export function variant(name: string, mutate: (body: Body) => void): string {
  const body = parse(fixture(name));
  mutate(body);
  return stringify(body) as string;
}
