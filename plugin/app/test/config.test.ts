import { describe, expect, it } from "vitest";
import { configFrom } from "../src/config.ts";

describe("server settings", () => {
  it("reads KINSHIP_CORS_ORIGINS as a list of origins (none by default) and refuses anything else", () => {
    expect(configFrom({}).KINSHIP_CORS_ORIGINS).toEqual([]);
    expect(configFrom({ KINSHIP_CORS_ORIGINS: "https://shop.example.com, http://localhost:3000" }).KINSHIP_CORS_ORIGINS).toEqual([
      "https://shop.example.com",
      "http://localhost:3000",
    ]);
    expect(() => configFrom({ KINSHIP_CORS_ORIGINS: "https://shop.example.com/path" })).toThrow(/KINSHIP_CORS_ORIGINS: not an origin/);
    expect(() => configFrom({ KINSHIP_CORS_ORIGINS: "*" })).toThrow(/not an origin/);
  });

  it("reads KINSHIP_TOKEN_KEY (optional) as 32 bytes of hex or base64, and names a bad one without echoing it", () => {
    expect(configFrom({}).KINSHIP_TOKEN_KEY).toBeUndefined();
    expect(configFrom({ KINSHIP_TOKEN_KEY: "  " }).KINSHIP_TOKEN_KEY).toBeUndefined();
    const hex = "ab".repeat(32);
    expect(configFrom({ KINSHIP_TOKEN_KEY: hex }).KINSHIP_TOKEN_KEY).toBe(hex);
    const b64 = Buffer.alloc(32, 7).toString("base64");
    expect(configFrom({ KINSHIP_TOKEN_KEY: b64 }).KINSHIP_TOKEN_KEY).toBe(b64);
    expect(() => configFrom({ KINSHIP_TOKEN_KEY: "hunter2" })).toThrow(/KINSHIP_TOKEN_KEY: KINSHIP_TOKEN_KEY must be 32 bytes/);
    expect(() => configFrom({ KINSHIP_TOKEN_KEY: "hunter2" })).not.toThrow(/hunter2/);
  });
});
