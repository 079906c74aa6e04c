import { readFileSync } from "node:fs";
import { SHOPIFY_TOPICS } from "@kinship/webhooks";
import { describe, expect, it } from "vitest";

describe("shopify.app.toml", () => {
  it("declares exactly the topics the intake accepts, compliance topics included", () => {
    const toml = readFileSync(new URL("../shopify.app.toml", import.meta.url), "utf8");
    const declared = [...toml.matchAll(/"([a-z_]+\/[a-z_]+)"/g)].map((m) => m[1]).sort();
    expect(declared).toEqual([...SHOPIFY_TOPICS].sort());
    expect(toml).toMatch(/compliance_topics = \["customers\/data_request", "customers\/redact", "shop\/redact"\]/);
  });
});
