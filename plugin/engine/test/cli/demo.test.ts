import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { kinship, summary, tempDir } from "./support.ts";

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir("kinship-demo-");
});
afterAll(() => dir.remove());

it("runs the demo twice from a fresh folder with no environment (PGlite in ./.kinship/pglite)", async () => {
  const first = await kinship(["demo"], { cwd: dir.path });
  expect(first.stderr).toBe("");
  expect(first.code).toBe(0);
  expect(existsSync(join(dir.path, ".kinship", "pglite"))).toBe(true);
  expect(first.stdout).toContain("migrations  applied 0001_ledger");
  expect(first.stdout).toContain("program     demo.myshopify.com (created");
  expect(summary(first.stdout)).toEqual({ applied: 10, held: 0, ignored: 1, duplicates: 0, rejected: 0 });
  expect(first.stdout).toMatch(/^7602385453215 +Ada Lovelace +Silver +286 +0 +0 +586 /m);
  expect(first.stdout).toMatch(/^7602385453216 +Grace Hopper +Gold +1974 +0 +0 +1974 /m);
  expect(first.stdout).toContain("npx kinship member show 7602385453216 --shop demo.myshopify.com");

  const second = await kinship(["demo"], { cwd: dir.path });
  expect(second.stderr).toBe("");
  expect(second.code).toBe(0);
  expect(second.stdout).toContain("migrations  up to date");
  expect(summary(second.stdout)).toEqual({ applied: 0, held: 0, ignored: 0, duplicates: 11, rejected: 0 });
  expect(second.stdout).toMatch(/^7602385453215 +Ada Lovelace +Silver +286 +0 +0 +586 /m);
});
