import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { themeCheckRun } from "@shopify/theme-check-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberMessages } from "../src/core/member-messages.ts";
import { launcherMessages } from "../src/launcher/messages.ts";

/**
 * Shopify's own theme linter (what `shopify theme check` and `shopify app deploy` run) on the
 * theme app extension. Its config is chosen the way the CLI chooses it: a folder holding
 * `shopify.extension.toml` gets `theme-check:theme-app-extension`.
 */
const EXTENSION = join(import.meta.dirname, "../extensions/kinship-theme");

// Offline and repeatable: the Liquid docs and JSON schemas bundled with
// @shopify/theme-check-docs-updater (pinned by the lockfile), not the latest from GitHub.
process.env.SHOPIFY_TLD_ROOT = join(tmpdir(), "kinship-no-theme-liquid-docs");

const lint = async (root: string) => {
  const run = await themeCheckRun(root);
  return {
    context: run.config.context,
    checks: run.config.checks.length,
    offenses: run.offenses.map((o) => `${o.check} ${o.uri.slice(o.uri.indexOf("kinship-theme"))}:${(o.start?.line ?? 0) + 1} ${o.message}`),
  };
};

let copy: string;
beforeAll(async () => {
  copy = join(await mkdtemp(join(tmpdir(), "kinship-theme-check-")), "kinship-theme");
  await cp(EXTENSION, copy, { recursive: true });
});
afterAll(async () => {
  await rm(join(copy, ".."), { recursive: true, force: true });
});

describe("theme-check (theme-app-extension config)", () => {
  it("reports no offense on extensions/kinship-theme", async () => {
    const result = await lint(EXTENSION);
    expect(result.context).toBe("app");
    expect(result.checks).toBeGreaterThan(50);
    expect(result.offenses).toEqual([]);
  });

  it("does read the blocks and locales: a missing translation and a theme-only tag are offenses", async () => {
    const block = join(copy, "blocks/rewards.liquid");
    await writeFile(block, `${await readFile(block, "utf8")}\n{{ 'kinship.rewards.nope' | t }}{% include 'x' %}\n`);
    const zh = join(copy, "locales/zh-CN.json");
    const locale = JSON.parse(await readFile(zh, "utf8"));
    delete locale.kinship.perks.claim;
    await writeFile(zh, JSON.stringify(locale));

    const checks = new Set((await lint(copy)).offenses.map((o) => o.split(" ")[0]));
    expect(checks).toContain("TranslationKeyExists");
    expect(checks).toContain("AppBlockValidTags");
    expect(checks).toContain("MatchingTranslations");
  });
});

describe("locales", () => {
  /** Every string in a block's schema that the theme editor shows. */
  const shown = (node: unknown, key = ""): string[] =>
    typeof node === "string"
      ? ["name", "label", "info", "content"].includes(key)
        ? [node]
        : []
      : node && typeof node === "object"
        ? Object.entries(node).flatMap(([k, v]) => shown(v, Array.isArray(node) ? key : k))
        : [];

  it("every block's text and every editor label come from locales/ (t filter, t: keys), in English and Simplified Chinese", async () => {
    const blocks = (await readdir(join(EXTENSION, "blocks"))).filter((f) => f.endsWith(".liquid"));
    expect(blocks.length).toBeGreaterThanOrEqual(7);
    for (const file of blocks) {
      const liquid = await readFile(join(EXTENSION, "blocks", file), "utf8");
      const schema = JSON.parse(/\{% schema %\}([\s\S]*)\{% endschema %\}/.exec(liquid)?.[1] ?? "null");
      expect(
        shown(schema).filter((s) => !s.startsWith("t:")),
        file,
      ).toEqual([]);
      // What is left once comments, the schema, Liquid and tags are removed is text a shopper would read.
      const text = liquid
        .replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, "")
        .replace(/\{% schema %\}[\s\S]*\{% endschema %\}/, "")
        .replace(/<script type="application\/json"[\s\S]*?<\/script>/g, "")
        .replace(/<style[\s\S]*?<\/style>/g, "")
        .replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, "")
        .replace(/<[^>]*>/g, "");
      expect(text.trim(), file).toBe("");
    }
    const names = (await readdir(join(EXTENSION, "locales"))).sort();
    expect(names).toEqual(["en.default.json", "en.default.schema.json", "zh-CN.json", "zh-CN.schema.json"]);
  });

  it("the launcher block hands the panel every one of its words, translated", async () => {
    const liquid = await readFile(join(EXTENSION, "blocks", "kinship-launcher.liquid"), "utf8");
    const passed = [...liquid.matchAll(/"(\w+)": \{\{ 'kinship\.launcher\.(\w+)' \| t \| json \}\}/g)];
    expect(passed.map((m) => m[1]).sort()).toEqual(Object.keys(launcherMessages).sort());
    for (const locale of ["en.default.json", "zh-CN.json"]) {
      const words = JSON.parse(await readFile(join(EXTENSION, "locales", locale), "utf8")).kinship.launcher as Record<string, string>;
      for (const [, , key] of passed) expect(words[key ?? ""], `${locale}: kinship.launcher.${key}`).toBeTruthy();
    }
  });

  it("the launcher block hands the panel the membership, badge, stamp, referral and birthday words, translated", async () => {
    const liquid = await readFile(join(EXTENSION, "blocks", "kinship-launcher.liquid"), "utf8");
    const passed = [...liquid.matchAll(/"(\w+)": \{\{ 'kinship\.member\.(\w+)' \| t \| json \}\}/g)];
    expect(passed.map((m) => m[1]).sort()).toEqual(Object.keys(memberMessages).sort());
    for (const locale of ["en.default.json", "zh-CN.json"]) {
      const words = JSON.parse(await readFile(join(EXTENSION, "locales", locale), "utf8")).kinship.member as Record<string, string>;
      for (const [, , key] of passed) expect(words[key ?? ""], `${locale}: kinship.member.${key}`).toBeTruthy();
    }
  });
});
