import { validateConfig } from "@kinship/engine";
import { describe, expect, it } from "vitest";
import { programConfig } from "../../test/support/program-fixture.ts";
import {
  currencyRowErrors,
  currencyRows,
  expiringNoticeError,
  rateSentence,
  setBonus,
  setExpiringNotice,
  withCurrencyRows,
} from "../shared/campaigns-edit.ts";
import type { ProgramConfig } from "../shared/program-config.ts";

function base(): ProgramConfig {
  const parsed = validateConfig(programConfig());
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value as unknown as ProgramConfig;
}

describe("campaign and currency edits", () => {
  it("bonuses and the expiring notice go on and off; the lists they do not edit stay; the engine takes the result", () => {
    const stamp = { id: "coffee", name: "Coffee card", stamps: 10, minSubtotal: 0, productIds: [], reward: { points: 200 } };
    const withCard = { ...base(), campaigns: { nthOrder: [], stampCards: [stamp], badges: [] } };
    let config = setBonus(withCard, "birthday", { points: 250 });
    config = setExpiringNotice(setBonus(config, "anniversary", { points: 100, growth: 50 }), 14);
    expect(config.campaigns).toEqual({
      nthOrder: [],
      stampCards: [stamp],
      badges: [],
      birthday: { points: 250, growth: 0 },
      anniversary: { points: 100, growth: 50 },
      expiringNotice: { days: 14 },
    });
    expect(validateConfig(config).ok).toBe(true);
    const off = setExpiringNotice(setBonus(config, "birthday", undefined), undefined);
    expect(off.campaigns).toEqual({ nthOrder: [], stampCards: [stamp], badges: [], anniversary: { points: 100, growth: 50 } });
    expect(expiringNoticeError(91)).toBe("Enter 1 to 90 days");
    expect(expiringNoticeError(undefined)).toBeNull();
    expect(validateConfig(setExpiringNotice(config, 91)).ok).toBe(false);
  });

  it("currency rows: checks as the engine's, written back in order with exact decimal rates", () => {
    const rows = [
      { code: "EUR", rate: "1.08", memberPrices: true },
      { code: "JPY", rate: "0.0067", memberPrices: false },
    ];
    const config = withCurrencyRows(base(), rows);
    expect(config.currencies).toEqual({ EUR: { rate: "1.08", memberPrices: true }, JPY: { rate: "0.0067", memberPrices: false } });
    expect(validateConfig(config).ok).toBe(true);
    expect(currencyRows(config)).toEqual(rows);
    expect(currencyRowErrors({ code: "eu", rate: "1,08", memberPrices: true }, [], "USD")).toEqual({
      code: "Enter a three-letter currency code, like EUR",
      rate: "Enter a decimal such as 0.92",
    });
    expect(currencyRowErrors({ code: "USD", rate: "1", memberPrices: true }, [], "USD").code).toBe("USD is the program's own currency");
    const twice = [rows[0], rows[0]] as typeof rows;
    expect(currencyRowErrors(rows[0] as (typeof rows)[0], twice, "USD").code).toBe("EUR is listed twice");
    expect(currencyRowErrors({ code: "EUR", rate: "0", memberPrices: true }, [], "USD").rate).toBe("Enter a rate above 0");
    expect(rateSentence({ code: "EUR", rate: "1.08", memberPrices: true }, "USD")).toBe("1 EUR earns as 1.08 USD");
  });
});
