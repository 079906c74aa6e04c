import { readdirSync, readFileSync } from "node:fs";
import { migrations } from "@kinship/engine";
import { describe, expect, it } from "vitest";

const dir = `${__dirname}/../src/modules/kinship/migrations/`;

describe("the module migrations", () => {
  it("apply every engine migration, one class each, in the engine's order", () => {
    const files = readdirSync(dir)
      .filter((f) => /^Migration\d{14}\.ts$/.test(f))
      .sort();
    const applied = files.map((f) => /hostMigrationScript\("([^"]+)"\)/.exec(readFileSync(`${dir}${f}`, "utf8"))?.[1]);
    expect(applied).toEqual(migrations.map((m) => m.id));
  });
});
