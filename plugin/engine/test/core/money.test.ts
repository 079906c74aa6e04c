import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AmountError, currencyExponent, toMinor } from "../../src/core/index.ts";

describe("currencyExponent", () => {
  it("reads the minor-unit exponent from Intl", () => {
    expect(currencyExponent("USD")).toBe(2);
    expect(currencyExponent("EUR")).toBe(2);
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("KWD")).toBe(3);
  });

  it.each(["usd", "US", "", "USDX", "U$D"])("rejects the malformed code %j", (c) => {
    expect(() => currencyExponent(c)).toThrow(AmountError);
  });
});

describe("toMinor", () => {
  it.each([
    ["404.95", "USD", 40495],
    ["0.1", "USD", 10],
    ["10", "USD", 1000],
    ["10.5", "USD", 1050],
    ["0", "USD", 0],
    ["0.00", "USD", 0],
    ["007.50", "USD", 750],
    ["1500", "JPY", 1500],
    ["0", "JPY", 0],
    ["1.234", "KWD", 1234],
    ["1.2", "KWD", 1200],
    ["5", "KWD", 5000],
    ["90071992547409.91", "USD", Number.MAX_SAFE_INTEGER],
  ])("%s %s → %i", (amount, currency, minor) => {
    expect(toMinor(amount, currency)).toBe(minor);
  });

  it("accepts extra decimals only when they are zeros (no value is lost)", () => {
    expect(toMinor("1500.00", "JPY")).toBe(1500);
    expect(toMinor("1.2300", "KWD")).toBe(1230);
    expect(toMinor("89.990", "USD")).toBe(8999);
  });

  it.each([
    ["1500.5", "JPY"],
    ["1.2345", "KWD"],
    ["89.999", "USD"],
    ["0.001", "USD"],
  ])("rejects %s %s: more decimals than the currency has", (amount, currency) => {
    expect(() => toMinor(amount, currency)).toThrow(/more than \d decimals/);
  });

  it.each(["", " 1.00", "1.00 ", "1,00", "1e3", "1E-2", "+1", ".5", "5.", "abc", "1.2.3", "0x10", "--1", "1_000", "NaN", "Infinity", "١٢"])(
    "rejects the garbage %j",
    (amount) => {
      expect(() => toMinor(amount, "USD")).toThrow(AmountError);
    },
  );

  it("rejects negatives unless allowed; -0 is zero", () => {
    expect(() => toMinor("-1.00", "USD")).toThrow(/must not be negative/);
    expect(toMinor("-1.00", "USD", { allowNegative: true })).toBe(-100);
    expect(Object.is(toMinor("-0.00", "USD"), 0)).toBe(true);
  });

  it("rejects amounts beyond Number.MAX_SAFE_INTEGER minor units", () => {
    expect(() => toMinor("90071992547409.92", "USD")).toThrow(/too large/);
    expect(() => toMinor("123456789012345678901234567890", "JPY")).toThrow(/too large/);
  });

  it("reads exact-number objects (lossless JSON numbers) and JS numbers through their decimal text", () => {
    expect(toMinor({ value: "89.99" }, "USD")).toBe(8999);
    expect(() => toMinor({ value: "8.999" }, "USD")).toThrow(/more than 2 decimals/);
    expect(toMinor(89.99, "USD")).toBe(8999);
    expect(toMinor(12.5, "USD")).toBe(1250);
    expect(toMinor(1500, "JPY")).toBe(1500);
    expect(() => toMinor(0.1 + 0.2, "USD")).toThrow(AmountError); // 0.30000000000000004
    expect(() => toMinor(1e21, "USD")).toThrow(AmountError);
    expect(() => toMinor(Number.NaN, "USD")).toThrow(AmountError);
    expect(() => toMinor(null as unknown as string, "USD")).toThrow(/expected a decimal/);
  });

  it("rounds half away from zero when asked (sources with extra precision)", () => {
    const halfUp = { excess: "halfUp" } as const;
    expect(toMinor("3.335", "USD", halfUp)).toBe(334);
    expect(toMinor("3.3349999", "USD", halfUp)).toBe(333);
    expect(toMinor("3.3333333333333335", "USD", halfUp)).toBe(333);
    expect(toMinor("0.995", "USD", halfUp)).toBe(100);
    expect(toMinor("1499.5", "JPY", halfUp)).toBe(1500);
    expect(toMinor("-3.335", "USD", { ...halfUp, allowNegative: true })).toBe(-334);
  });

  it("round-trips every integer count of minor units through its decimal text", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom("USD", "JPY", "KWD"), (minor, currency) => {
        const exp = currencyExponent(currency);
        const digits = String(minor).padStart(exp + 1, "0");
        const text = exp === 0 ? digits : `${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
        expect(toMinor(text, currency)).toBe(minor);
      }),
    );
  });
});
