import fc from "fast-check";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openEngineOwningDb } from "../../../../test/support/engine-db.ts";
import { programConfig } from "../../../../test/support/program-fixture.ts";
import type { Engine, FinanceReport } from "../../src/index.ts";
import { uniqueProgramKey } from "../support/backends.ts";
import { adjust, order, refund, spend } from "../support/events.ts";
import { memberBalances, type RawEntry, rawEntries } from "./support.ts";

const ZONE = "Europe/Paris";
const MEMBERS = 500;
const EVENTS = Number(process.env.FIN_EVENTS ?? 2000);
const YEAR_START = DateTime.fromISO("2026-01-01T00:00", { zone: ZONE });
/** After the year: every month of 2026 is a past month. */
const AFTER = YEAR_START.plus({ years: 1, days: 2 }).toJSDate();

type Action =
  | { kind: "order"; amount: number }
  | { kind: "refund"; share: number }
  | { kind: "spend"; points: number }
  | { kind: "cancelSpend" }
  | { kind: "adjust"; points: number; imported: boolean };

interface Planned {
  member: number;
  at: Date;
  action: Action;
}

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant("order" as const), amount: fc.integer({ min: 100, max: 40_000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("refund" as const), share: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("spend" as const), points: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "cancelSpend" as const }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("adjust" as const), points: fc.integer({ min: -200, max: 400 }), imported: fc.boolean() }),
  },
);

/** A year of inputs for MEMBERS members, fixed by the seed: each member's first input is an order. */
function plan(seed: number): Planned[] {
  const events = fc.array(
    fc.record({ member: fc.integer({ min: 0, max: MEMBERS - 1 }), minute: fc.integer({ min: 0, max: 365 * 1440 - 1 }), action }),
    { minLength: EVENTS, maxLength: EVENTS },
  );
  const [drawn = []] = fc.sample(events, { seed, numRuns: 1 });
  const planned = drawn
    .filter((e) => e.action.kind !== "adjust" || e.action.points !== 0)
    .map((e) => ({ member: e.member, at: YEAR_START.plus({ minutes: e.minute }).toJSDate(), action: e.action }));
  planned.sort((a, b) => a.at.getTime() - b.at.getTime());
  const seen = new Set<number>();
  return planned.map((p) => {
    if (seen.has(p.member)) return p;
    seen.add(p.member);
    return { ...p, action: { kind: "order", amount: 5_000 } };
  });
}

/** Applies the plan week by week (members side by side, each member's inputs in order), maintaining at each week's end. */
async function applyPlan(engine: Engine, program: string, planned: Planned[]): Promise<{ applied: number; refused: number; last: Date }> {
  const orders = new Map<number, { id: string; amount: number }[]>();
  const spends = new Map<number, string[]>();
  let applied = 0;
  let refused = 0;
  let n = 0;
  const customer = (m: number) => `m${m}`;
  const input = (p: Planned) => {
    const iso = p.at.toISOString();
    const a = p.action;
    n += 1;
    switch (a.kind) {
      case "order": {
        const id = `o${n}`;
        orders.set(p.member, [...(orders.get(p.member) ?? []), { id, amount: a.amount }]);
        return order(id, customer(p.member), iso, [{ price: a.amount }]);
      }
      case "refund": {
        const mine = orders.get(p.member) ?? [];
        const o = mine[n % mine.length];
        if (!o) return null;
        return refund(`r${n}`, o.id, iso, { amount: Math.max(1, Math.floor((o.amount * a.share) / 200)) });
      }
      case "spend": {
        const key = `s${n}`;
        spends.set(p.member, [...(spends.get(p.member) ?? []), key]);
        return spend(customer(p.member), a.points, key);
      }
      case "cancelSpend": {
        const key = spends.get(p.member)?.shift();
        if (!key) return null;
        return { type: "cancelSpend", key: `c${n}`, customerId: customer(p.member), spendKey: key, reason: "redemption failed" };
      }
      case "adjust":
        return adjust(customer(p.member), a.points, { reason: a.imported ? "import:smile" : "goodwill", key: `a${n}` });
    }
  };
  let week = YEAR_START;
  let i = 0;
  while (i < planned.length) {
    const weekEnd = week.plus({ weeks: 1 }).toJSDate();
    const byMember = new Map<number, Planned[]>();
    for (; i < planned.length && (planned[i] as Planned).at < weekEnd; i++) {
      const p = planned[i] as Planned;
      byMember.set(p.member, [...(byMember.get(p.member) ?? []), p]);
    }
    const queues = [...byMember.values()];
    const worker = async () => {
      for (let q = queues.shift(); q; q = queues.shift())
        for (const p of q) {
          const raw = input(p);
          if (raw === null) continue;
          const r = await engine.apply(program, raw, p.at);
          if (r.ok) applied++;
          else if (["InsufficientPoints", "UnknownSpend"].includes(r.error.code)) refused++;
          else throw new Error(`${p.at.toISOString()} ${JSON.stringify(raw)}: ${r.error.code} ${r.error.message}`);
        }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    await engine.maintain(program, weekEnd);
    week = week.plus({ weeks: 1 });
  }
  return { applied, refused, last: week.toJSDate() };
}

const KINDS: Record<string, keyof FinanceReport["total"] | null> = {
  earn: "issued",
  spend: "redeemed",
  unspend: "redeemed",
  expire: "expired",
  reverse: "reversed",
  adjust: "adjusted",
};

/** The roll-forward recomputed in the test from raw entries: what moved in [from, to) by kind, and the balance before `to`. */
function expected(entries: RawEntry[], from: Date, to: Date) {
  const m = { issued: 0n, redeemed: 0n, expired: 0n, reversed: 0n, adjusted: 0n, other: 0n, opening: 0n, closing: 0n };
  for (const e of entries) {
    if (e.at < to) m.closing += e.delta;
    if (e.at < from) m.opening += e.delta;
    if (e.at < from || e.at >= to) continue;
    const k = (KINDS[e.kind] ?? "other") as "issued" | "redeemed" | "expired" | "reversed" | "adjusted" | "other";
    m[k] += ["redeemed", "expired", "reversed"].includes(k) ? -e.delta : e.delta;
  }
  return m;
}

const pick = (r: FinanceReport["total"]) => ({
  issued: r.issued,
  redeemed: r.redeemed,
  expired: r.expired,
  reversed: r.reversed,
  adjusted: r.adjusted,
  other: r.other,
  opening: r.opening,
  closing: r.closing,
});

describe("finance roll-forward over a randomised year (Postgres, seed 20261130)", () => {
  let engine: Engine;
  const program = uniqueProgramKey("finance-year");
  let entries: RawEntry[];
  let reports: FinanceReport[];
  /** The current month's report a day after the last maintenance: every entry is in it. */
  let latest: FinanceReport;

  beforeAll(async () => {
    engine = await openEngineOwningDb({ databaseUrl: inject("databaseUrl"), max: 10 });
    const config = programConfig({
      currency: "EUR",
      timezone: ZONE,
      pointValue: { points: 3, money: 2 },
      pendingDays: 14,
      expiry: { kind: "afterEarn", days: 60 },
      allowNegativeBalance: true,
      currencies: { USD: { rate: "0.92", memberPrices: true }, JPY: { rate: "0.0061", memberPrices: true } },
    });
    const created = await engine.createProgram({
      key: program,
      platform: "custom",
      config,
      actor: "t",
      now: YEAR_START.minus({ days: 1 }).toJSDate(),
    });
    if (!created.ok) throw new Error(created.error.message);
    const done = await applyPlan(engine, program, plan(20261130));
    expect(done.applied).toBeGreaterThan(EVENTS * 0.8);
    const now = new Date(done.last.getTime() + 86_400_000);
    const current = await engine.finance.report(program, DateTime.fromJSDate(now, { zone: ZONE }).toFormat("yyyy-MM"), now);
    if (!current.ok) throw new Error(current.error.message);
    latest = current.value;
    entries = await rawEntries(engine, program);
    reports = [];
    for (let month = 1; month <= 12; month++) {
      const r = await engine.finance.report(program, `2026-${String(month).padStart(2, "0")}`, AFTER);
      if (!r.ok) throw new Error(r.error.message);
      reports.push(r.value);
    }
  });
  afterAll(() => engine.close());

  it("the ledger has the kinds the roll-forward sorts (earn, mature, spend, unspend, expire, reverse, adjust)", () => {
    const kinds = new Set(entries.map((e) => e.kind));
    for (const k of ["earn", "mature", "spend", "unspend", "expire", "reverse", "adjust"]) expect(kinds).toContain(k);
  });

  it("every day and every month rolls forward onto the ledger's own sum, figure by figure", () => {
    let days = 0;
    for (const r of reports) {
      expect(r.reconciled).toBe(true);
      expect(pick(r.total)).toEqual(expected(entries, r.total.start, r.total.end));
      for (const d of r.days) {
        expect(d.reconciled).toBe(true);
        expect(d.closing).toBe(d.ledgerClosing);
        expect({ period: d.period, ...pick(d) }).toEqual({ period: d.period, ...expected(entries, d.start, d.end) });
        days++;
      }
      // A month's days are its midnights in Paris, each following the last.
      expect(r.days[0]?.start).toEqual(r.total.start);
      for (let i = 1; i < r.days.length; i++) expect(r.days[i]?.start).toEqual(r.days[i - 1]?.end);
      expect(r.days.at(-1)?.end).toEqual(r.total.end);
    }
    expect(days).toBe(365);
    // DST: 29 March 2026 has 23 hours in Paris, 25 October 25.
    const hours = (period: string) => {
      const d = reports.flatMap((r) => r.days).find((x) => x.period === period);
      return d ? (d.end.getTime() - d.start.getTime()) / 3_600_000 : null;
    };
    expect([hours("2026-03-29"), hours("2026-10-25"), hours("2026-06-01")]).toEqual([23, 25, 24]);
  });

  it("money closes in every period: opening + movements = closing, balances valued at 3 points = 2 cents, half up", () => {
    const value = (p: bigint) => {
      const n = p * 2n;
      const q = n / 3n;
      const r = n % 3n;
      return r === 0n ? q : n > 0n ? (2n * r >= 3n ? q + 1n : q) : 2n * -r >= 3n ? q - 1n : q;
    };
    for (const p of reports.flatMap((r) => [...r.days, r.total])) {
      const m = p.money;
      expect(m.opening + m.issued - m.redeemed - m.expired - m.reversed + m.adjusted + m.other).toBe(m.closing);
      expect([m.opening, m.closing]).toEqual([value(p.opening), value(p.closing)]);
      for (const f of ["issued", "redeemed", "expired", "reversed", "adjusted", "other"] as const) {
        if (p[f] === 0n) expect(m[f]).toBe(0n);
        // Each movement's money is within a cent of its points valued exactly.
        expect(Math.abs(Number(m[f] * 3n - p[f] * 2n))).toBeLessThanOrEqual(3);
      }
    }
  });

  it("the months chain: each opens where the last closed", () => {
    for (let i = 1; i < reports.length; i++) expect(reports[i]?.total.opening).toBe(reports[i - 1]?.total.closing);
    expect(reports[0]?.total.opening).toBe(0n);
  });

  it("the liability now is the members' own balances, valued; breakage reproduces from raw entries", async () => {
    const december = latest;
    expect(december.reconciled).toBe(true);
    const held = await memberBalances(engine, program);
    const [eur, jpy, usd] = december.liability;
    expect(eur).toMatchObject({ currency: "EUR", availablePoints: held.available, pendingPoints: held.pending });
    const points = held.available + held.pending;
    expect(points).toBe(december.total.closing);
    expect(december.membersClosing).toBe(points);
    expect(eur?.gross).toBe((points * 2n + 1n) / 3n);

    const from = DateTime.fromJSDate(december.total.end, { zone: ZONE }).minus({ months: 12 }).toJSDate();
    expect(december.breakage.windowFrom).toEqual(from);
    let expiredPts = 0n;
    let redeemed = 0n;
    for (const e of entries)
      if (e.at >= from && e.at < december.total.end) {
        if (e.kind === "expire") expiredPts -= e.delta;
        if (e.kind === "spend" || e.kind === "unspend") redeemed -= e.delta;
      }
    expect(expiredPts).toBeGreaterThan(0n);
    expect([december.breakage.expired, december.breakage.redeemed]).toEqual([expiredPts, redeemed]);
    expect(december.breakage.rate).toBeCloseTo(Number(expiredPts) / Number(expiredPts + redeemed), 12);
    expect(december.breakage.method).toContain("expired ÷ (points expired + points redeemed)");
    const gross = eur?.gross ?? 0n;
    const breakage = (2n * gross * expiredPts + (expiredPts + redeemed)) / (2n * (expiredPts + redeemed));
    expect(eur?.expectedBreakage).toBe(breakage);
    expect(eur?.net).toBe(gross - breakage);
    // Listed currencies: EUR ÷ rate, half up (USD: cents ÷ 0.92; JPY: cents ÷ 0.0061 ÷ 100).
    const half = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);
    expect(usd).toMatchObject({ currency: "USD", gross: half(gross * 100n, 92n), expectedBreakage: half(breakage * 100n, 92n) });
    expect(jpy).toMatchObject({
      currency: "JPY",
      gross: half(gross * 10_000n, 6_100n),
      expectedBreakage: half(breakage * 10_000n, 6_100n),
    });
    expect(usd?.net).toBe((usd?.gross ?? 0n) - (usd?.expectedBreakage ?? 0n));
  });

  it("the current month runs to now; a later month and a malformed one are refused", async () => {
    const now = DateTime.fromISO("2026-12-10T15:30", { zone: ZONE }).toJSDate();
    const current = await engine.finance.report(program, "2026-12", now);
    if (!current.ok) throw new Error(current.error.message);
    expect(current.value.days).toHaveLength(10);
    expect(current.value.total.end).toEqual(now);
    expect(current.value.reconciled).toBe(true);
    expect(pick(current.value.total)).toEqual(expected(entries, current.value.total.start, now));
    const later = await engine.finance.report(program, "2027-01", now);
    expect(later).toMatchObject({ ok: false, error: { code: "InvalidMonth", month: "2027-01" } });
    for (const bad of ["2026-13", "2026-1", "Nov 2026", "2026-11-01"]) {
      const r = await engine.finance.report(program, bad, now);
      expect(r).toMatchObject({ ok: false, error: { code: "InvalidMonth", message: expect.stringContaining("YYYY-MM") } });
    }
  });
});
