import { LosslessNumber } from "lossless-json";
import { describe, expect, it } from "vitest";
import { MappingError, minorOf } from "../../src/mappers/index.ts";

describe("minorOf (the core's toMinor for mappers)", () => {
  it("reads lossless JSON numbers, decimal strings and JS numbers", () => {
    expect(minorOf("price", new LosslessNumber("89.99"), "USD")).toBe(8999);
    expect(minorOf("price", "404.95", "USD")).toBe(40495);
    expect(minorOf("price", 1500, "JPY")).toBe(1500);
    expect(minorOf("price", "3.335", "USD", { excess: "halfUp" })).toBe(334);
  });

  it.each([
    ["89.999", "USD", /^line\.price: "89\.999" has more than 2 decimals for USD$/],
    ["-1.00", "USD", /^line\.price: "-1\.00" must not be negative$/],
    ["1e3", "USD", /^line\.price: "1e3" is not a decimal number$/],
    ["1.00", "usd", /^line\.price: currency: "usd" is not an ISO 4217 code/],
  ])("turns the core's AmountError for %j %s into a MappingError naming the field", (amount, currency, message) => {
    expect(() => minorOf("line.price", amount, currency)).toThrow(MappingError);
    expect(() => minorOf("line.price", amount, currency)).toThrow(message);
  });
});
