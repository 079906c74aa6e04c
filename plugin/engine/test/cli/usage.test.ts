import { describe, expect, it } from "vitest";
import { kinship } from "./support.ts";

/** Argument errors are caught before any database is opened: no PGlite boot, no Postgres. */
describe("kinship usage", () => {
  it("prints help with exit 0", async () => {
    const [top, command, group] = await Promise.all([
      kinship(["--help"]),
      kinship(["events", "apply", "--help"]),
      kinship(["program", "--help"]),
    ]);
    expect(top.code).toBe(0);
    for (const name of ["migrate", "program create", "member show", "members list", "events apply", "maintain", "verify", "demo"])
      expect(top.stdout).toContain(name);
    expect(command.code).toBe(0);
    expect(command.stdout).toMatch(/^Usage: kinship events apply <file\.jsonl> \[--shop <key>\] \[--at <instant>\]/);
    expect(group.code).toBe(0);
    expect(group.stdout).toContain("program create");
  });

  it("exits 2 with a short usage on usage errors", async () => {
    const cases: [string[], RegExp][] = [
      [[], /Usage: kinship <command>/],
      [["frobnicate"], /kinship: unknown command "frobnicate"/],
      [["member"], /Usage: kinship member <command>/],
      [["member", "show"], /kinship: missing <customer-id>\nusage: kinship member show <customer-id>/],
      [["member", "show", "a", "b"], /kinship: unexpected argument "b"/],
      [["members", "list", "--bogus"], /kinship: Unknown option '--bogus'/],
      [["maintain", "--at", "yesterday"], /kinship: --at needs an ISO instant/],
      [["maintain", "--at", "2026-11-01T00:00"], /kinship: --at needs an ISO instant with a zone/],
      [["program", "create"], /kinship: --shop <key> is required/],
      [["program", "create", "--shop", "x.myshopify.com", "--platform", "magento"], /--platform must be one of shopify, medusa, custom/],
      [["verify", "--shop"], /kinship: Option '--shop <value>' argument missing/],
    ];
    const runs = await Promise.all(cases.map(([args]) => kinship(args)));
    runs.forEach((run, i) => {
      const [args, message] = cases[i] ?? [[], /$^/];
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: "" });
      expect(run.stderr).toMatch(message);
    });
  });

  it("reports the version", async () => {
    const run = await kinship(["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^kinship \d+\.\d+\.\d+\n$/);
  });
});
