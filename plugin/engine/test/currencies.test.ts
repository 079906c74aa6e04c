import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CommerceEventInput,
  convertMinor,
  defaultProgramConfig,
  normaliseEvent,
  type ProgramConfigInput,
  parseEvent,
  validateConfig,
} from "../src/index.ts";
import { cancel, order, refund } from "./support/events.ts";
import { memoryLedger } from "./support/ledger.ts";
import { ledgerKinds, ledgers } from "./support/scenario.ts";

const program = (extra: Partial<ProgramConfigInput> = {}): ProgramConfigInput => ({
  ...defaultProgramConfig("USD"),
  currencies: { EUR: { rate: "1.08", memberPrices: true }, JPY: { rate: "0.0067", memberPrices: false } },
  ...extra,
});
const at = "2026-03-01T10:00:00Z";
const eur = (orderId: string, customerId: string, lines: { id: string; price: number; qty?: number }[]) =>
  order(orderId, customerId, at, lines, { currency: "EUR" });

describe.each(ledgerKinds)("orders in the program's other currencies (%s)", (kind) => {
  const open = ledgers(kind);

  it("an order in EUR at 1.08 earns exactly what its converted amount earns in USD, and its refunds reverse the same share", async () => {
    const l = (await open(program())).at("2026-03-02T00:00:00Z");
    // 100.00 EUR → 108.00 USD; 49.99 EUR → 53.9892 → 53.98 USD (the program's floor): 161.98 USD earns 161.
    await l.given(
      eur("o1", "c1", [
        { id: "l1", price: 10000 },
        { id: "l2", price: 4999 },
      ]),
      order("o2", "c2", at, [
        { id: "l1", price: 10800 },
        { id: "l2", price: 5398 },
      ]),
    );
    await l.shows("c1", { available: 161, growth: 161 });
    await l.shows("c2", { available: 161, growth: 161 });

    await l.when(refund("r1", "o1", "2026-03-05T00:00:00Z", { lines: [{ id: "l2", amount: 4999 }] }));
    await l.when(refund("r2", "o2", "2026-03-05T00:00:00Z", { lines: [{ id: "l2", amount: 5398 }] }));
    await l.shows("c1", { available: 108, growth: 108 });
    await l.shows("c2", { available: 108, growth: 108 });

    // Redelivered: nothing moves twice.
    await l.given(refund("r1", "o1", "2026-03-05T00:00:00Z", { lines: [{ id: "l2", amount: 4999 }] }));
    await l.shows("c1", { available: 108, growth: 108 });

    await l.when(refund("r3", "o1", "2026-03-06T00:00:00Z", { amount: 5000 }));
    await l.when(refund("r4", "o2", "2026-03-06T00:00:00Z", { amount: 5400 }));
    const [a, b] = [await l.snapshot("c1"), await l.snapshot("c2")];
    expect(a.balance).toEqual(b.balance);

    await l.when(cancel("o1", "2026-03-07T00:00:00Z"));
    await l.shows("c1", { available: 0, growth: 0 });
    expect(await l.verify()).toEqual([]);
  });

  it("an order in a currency the program does not list earns nothing", async () => {
    const l = (await open(program())).at("2026-03-02T00:00:00Z");
    expect(await l.when(order("o1", "c1", at, [{ id: "l1", price: 10000 }], { currency: "GBP" }))).toEqual({ ok: true });
    expect((await l.snapshot("c1")).balance).toBeNull();
  });

  it("a listed currency without member prices still earns", async () => {
    const l = (await open(program())).at("2026-03-02T00:00:00Z");
    // 10000 JPY × 0.0067 = 67.00 USD
    await l.given(order("o1", "c1", at, [{ id: "l1", price: 10000 }], { currency: "JPY" }));
    await l.shows("c1", { available: 67, growth: 67 });
  });
});

describe("currency conversion (pure)", () => {
  it("converts exactly between exponents with the program's rounding", () => {
    expect(convertMinor(4999, "1.08", "EUR", "USD", "floor")).toBe(5398);
    expect(convertMinor(4999, "1.08", "EUR", "USD", "round")).toBe(5399);
    expect(convertMinor(4999, "1.08", "EUR", "USD", "ceil")).toBe(5399);
    expect(convertMinor(10000, "0.0067", "JPY", "USD", "floor")).toBe(6700);
    expect(convertMinor(6700, "0.0067", "USD", "JPY", "floor", true)).toBe(10000);
    expect(convertMinor(1, "0.333333333", "KWD", "USD", "round")).toBe(0);
  });

  it("a mapper's order without member savings or a shipping discount is normalised as parsing would (both 0), so conversion has every amount", () => {
    const input = eur("o1", "c1", [{ id: "l1", price: 9000 }]) as CommerceEventInput;
    const parsed = parseEvent(input);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(normaliseEvent(input)).toEqual(parsed.value);
  });

  it("refuses a listed currency that is the program's own, an unknown code or a zero rate", () => {
    const bad = validateConfig(
      program({ currencies: { USD: { rate: "1", memberPrices: true }, EUR: { rate: "0.000", memberPrices: true } } }),
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.issues).toEqual([
      "currencies.USD: the program's own currency needs no rate",
      "currencies.EUR: a rate must be more than 0",
    ]);
    expect(validateConfig(program({ currencies: { EUR: { rate: "1.5e3" } } })).ok).toBe(false);
  });

  it("for any order in EUR, it earns what the same order converted line by line earns in USD, and a full refund of every line takes it all back", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ price: fc.integer({ min: 0, max: 500_000 }), qty: fc.integer({ min: 1, max: 5 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 9999 })).map(([w, f]) => `${w}.${String(f).padStart(4, "0")}`),
        fc.constantFrom("floor" as const, "round" as const, "ceil" as const),
        async (lines, rate, rounding) => {
          const l = memoryLedger(program({ rounding, currencies: { EUR: { rate, memberPrices: true } } })).at("2026-03-02T00:00:00Z");
          const ids = lines.map((x, i) => ({ id: `l${i}`, ...x }));
          await l.given(eur("o1", "c1", ids));
          await l.given(
            order(
              "o2",
              "c2",
              at,
              ids.map((x) => ({ id: x.id, price: convertMinor(x.price * x.qty, rate, "EUR", "USD", rounding) })),
            ),
          );
          const [a, b] = [await l.snapshot("c1"), await l.snapshot("c2")];
          expect(a.balance).toEqual(b.balance);
          await l.given(refund("r1", "o1", "2026-03-05T00:00:00Z", { lines: ids.map((x) => ({ id: x.id, amount: x.price * x.qty })) }));
          await l.shows("c1", { available: 0, growth: 0 });
        },
      ),
      { numRuns: 100 },
    );
  });
});
