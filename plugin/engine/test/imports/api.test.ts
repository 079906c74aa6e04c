import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engine, executeAdmin } from "../../src/index.ts";
import { field, json } from "../api/support.ts";
import { openTestEngine } from "../support/backends.ts";
import { fixture, importProgram, NOW } from "./support.ts";

const IMPORT = `mutation Import($source: ImportSource!, $csv: String!, $fileName: String, $firstLine: Int, $dryRun: Boolean, $key: String!) {
  importMembers(source: $source, csv: $csv, fileName: $fileName, firstLine: $firstLine, dryRun: $dryRun, idempotencyKey: $key) {
    source dryRun rows members newMembers points tiersSet referralCodes alreadyImported errors { line message } applied } }`;
const LIST = `query { imports(first: 5) { id source fileName rows members points actor createdAt } }`;

describe("importMembers and imports in the admin API (postgres)", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
  });
  afterAll(() => engine.close());

  it("dry run first, then applied; parts name the file's lines; the list shows the applied import", async () => {
    const program = await importProgram(engine, "imp-api");
    const ask = (query: string, variables?: Record<string, unknown>) =>
      executeAdmin(engine, { program, actor: "owner@example.com", now: NOW }, { query, variables });
    const vars = { source: "SMILE", csv: fixture("smile.csv"), fileName: "smile.csv", key: "upload-1" };
    const dry = field<Record<string, unknown>>(await ask(IMPORT, vars), "importMembers");
    expect(dry).toEqual({
      source: "SMILE",
      dryRun: true,
      rows: 4,
      members: 4,
      newMembers: 4,
      points: "1625",
      tiersSet: 2,
      referralCodes: 3,
      alreadyImported: 0,
      errors: [],
      applied: false,
    });
    expect(field<unknown[]>(await ask(LIST), "imports")).toEqual([]);
    const applied = field<Record<string, unknown>>(await ask(IMPORT, { ...vars, dryRun: false }), "importMembers");
    expect(applied).toMatchObject({ applied: true, members: 4, points: "1625" });
    const [listed] = field<Record<string, unknown>[]>(await ask(LIST), "imports");
    expect(listed).toMatchObject({
      source: "SMILE",
      fileName: "smile.csv",
      rows: 4,
      members: 4,
      points: "1625",
      actor: "owner@example.com",
    });
    expect(listed?.createdAt).toBe(NOW.toISOString());

    const part = { source: "CSV", csv: "customer_id,points\nq1,10\nq2,ten\n", firstLine: 5001, dryRun: false, key: "upload-2" };
    const bad = field<{ errors: unknown[]; applied: boolean }>(await ask(IMPORT, part), "importMembers");
    expect(bad).toMatchObject({
      applied: false,
      errors: [{ line: 5002, message: expect.stringMatching(/points must be a whole number/) }],
    });
    const reused = json(await ask(IMPORT, { ...vars, source: "CSV" }));
    expect(reused.errors?.[0]?.extensions.code).toBe("IdempotencyKeyReused");
    const badFirst = json(await ask(IMPORT, { ...part, firstLine: 1 }));
    expect(badFirst.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
  });
});
