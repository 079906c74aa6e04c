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
});
