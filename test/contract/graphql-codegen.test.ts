import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "@graphql-codegen/cli";
import { adminSdl, storefrontSdl } from "@kinship/engine/schema";
import { buildSchema, Kind, type OperationDefinitionNode, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { adminOperations } from "../../admin-extension/shared/operations.ts";
import config, { generatedFiles, widgetOperations } from "../../codegen.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The named operations in a document (fragments left out). */
const operationNames = (document: string) =>
  parse(document)
    .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((d) => d.name?.value);

describe("the generated GraphQL types (codegen.ts)", () => {
  it("are what the generator makes of the engine's SDL and today's operations: the committed files are not stale", async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, silent: true }, false);
    expect(outputs.map((o) => o.filename).sort()).toEqual(Object.values(generatedFiles).sort());
    const stale: string[] = [];
    for (const { filename, content } of outputs) {
      const committed = await readFile(filename, "utf8").catch(() => undefined);
      if (committed !== content) stale.push(relative(root, filename));
    }
    expect(stale, "generated GraphQL types are stale: run npm run codegen").toEqual([]);
  });
});

describe("every operation validates against the surface it is sent to", () => {
  const admin = buildSchema(adminSdl);
  const storefront = buildSchema(storefrontSdl);

  it.each(adminOperations.map((op) => [op.name, op.document] as const))("admin %s (adminSdl)", (name, document) => {
    expect(validate(admin, parse(document)).map((e) => e.message)).toEqual([]);
    expect(operationNames(document)).toEqual([name]);
  });

  it.each(widgetOperations.map((document) => [operationNames(document)[0], document] as const))(
    "widgets %s (storefrontSdl)",
    (_name, document) => {
      expect(validate(storefront, parse(document)).map((e) => e.message)).toEqual([]);
      expect(operationNames(document)).toHaveLength(1);
    },
  );

  it("each widget operation has a name of its own (the generated types are named after it)", () => {
    const names = widgetOperations.flatMap(operationNames);
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });
});
