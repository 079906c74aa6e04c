import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultProgramConfig, type ProgramConfigInput } from "../src/index.ts";
import { cancel, custom, customerCreated, order, refund } from "./support/events.ts";
import type { Ledger, Snapshot } from "./support/ledger.ts";
import { ledgerKinds, ledgers } from "./support/scenario.ts";

/**
 * Platforms deliver at least once and out of order. Any permutation of an event log, each
 * event delivered 1–3 times, must end in the same ledger as the log in order.
 *
 * "Same ledger" here: the same balances and tiers, the same lots (amount, remaining, reversed,
 * status), and the same net movement per lot. Individual entries may split a lot's movement
 * differently (two partial refunds round their shares in arrival order; a refund that arrives
 * after the cancellation has nothing left to reverse), which is why the comparison is per lot. Tier upgrades happen at once, so a permutation
 * can pass through a higher peak (a refund held until its order arrives); tiers are compared
 * after the evaluation that settles them. Tier multipliers and caps depend on what was applied
 * before, so this program has neither (see README, "Delivery order").
 */
const config: ProgramConfigInput = {
  ...defaultProgramConfig("USD"),
  pendingDays: 7,
  expiry: { kind: "afterEarn", days: 60 },
  tierPolicy: { graceDays: 0 },
  rules: [
    ...defaultProgramConfig("USD").rules,
    {
      id: "big",
      name: "Big basket",
      trigger: "order.paid",
      condition: { ">=": [{ var: "event.subtotal" }, 20000] },
      reward: { points: { fixed: 150 } },
    },
    {
      id: "shoes",
      name: "Shoes",
      trigger: "order.paid",
      lines: { collectionIds: ["shoes"] },
      reward: { points: { perUnit: 2 }, growth: { perUnit: 1 } },
    },
    { id: "sunday", name: "Sunday double", trigger: "order.paid", schedule: { daysOfWeek: [7] }, reward: { points: { multiplier: 2 } } },
    { id: "welcome", name: "Welcome", trigger: "customer.created", reward: { points: { fixed: 100 }, growth: { fixed: 10 } } },
    { id: "review", name: "Review", trigger: "custom:review.created", reward: { points: { fixed: 25 } } },
  ],
};

const customers = ["115310627314723954", "207119551", "c-3"];
const NOW = "2026-04-20T00:00:00Z";
const day = (d: number, h: number) => new Date(Date.UTC(2026, 0, 1 + d, h)).toISOString();

const lineArb = fc.record({
  price: fc.integer({ min: 1, max: 40000 }),
  qty: fc.integer({ min: 1, max: 3 }),
  shoes: fc.boolean(),
});

const orderArb = fc.record({
  customer: fc.constantFrom(...customers),
  day: fc.integer({ min: 0, max: 100 }),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 3 }),
  refunds: fc.array(fc.record({ line: fc.nat(), share: fc.integer({ min: 1, max: 100 }), byLine: fc.boolean() }), { maxLength: 2 }),
  cancelled: fc.boolean(),
});

type OrderSpec = typeof orderArb extends fc.Arbitrary<infer T> ? T : never;

function eventsOf(specs: OrderSpec[], extras: { customer: string; day: number; kind: "created" | "review" }[]): unknown[] {
  const out: { at: string; event: unknown }[] = [];
  specs.forEach((s, i) => {
    const id = `o${i}`;
    const at = day(s.day, 10);
    const lines = s.lines.map((l, j) => ({ id: `${id}-${j}`, price: l.price, qty: l.qty, collections: l.shoes ? ["shoes"] : [] }));
    out.push({ at, event: order(id, s.customer, at, lines) });
    s.refunds.forEach((r, k) => {
      const line = lines[r.line % lines.length] as (typeof lines)[number];
      const amount = Math.max(1, Math.floor((line.price * line.qty * r.share) / 200));
      const rat = day(s.day + 1 + k, 12);
      out.push({ at: rat, event: refund(`${id}-r${k}`, id, rat, r.byLine ? { lines: [{ id: line.id, amount }] } : { amount }) });
    });
    if (s.cancelled) out.push({ at: day(s.day + 3, 9), event: cancel(id, day(s.day + 3, 9)) });
  });
  const created = new Set<string>();
  extras.forEach((x, i) => {
    const at = day(x.day, 8);
    // A platform creates a customer once; later profile changes come as updates.
    const type = x.kind === "created" && !created.has(x.customer) ? "customer.created" : "customer.updated";
    if (x.kind === "created") created.add(x.customer);
    out.push({
      at,
      event:
        x.kind === "review"
          ? custom("review.created", x.customer, at, `review-${i}`)
          : { ...customerCreated(x.customer, at, { tags: [`t${i}`] }), type },
    });
  });
  return out.sort((a, b) => a.at.localeCompare(b.at)).map((x) => x.event);
}

const logArb = fc
  .tuple(
    fc.array(orderArb, { minLength: 1, maxLength: 6 }),
    fc.array(
      fc.record({
        customer: fc.constantFrom(...customers),
        day: fc.integer({ min: 0, max: 100 }),
        kind: fc.constantFrom("created" as const, "review" as const),
      }),
      {
        maxLength: 4,
      },
    ),
  )
  .map(([orders, extras]) => eventsOf(orders, extras))
  .chain((log) =>
    fc.tuple(
      fc.constant(log),
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: log.length, maxLength: log.length }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3 * log.length, maxLength: 3 * log.length }),
    ),
  )
  .map(([log, copies, keys]) => {
    const delivered = log.flatMap((e, i) => Array.from({ length: copies[i] ?? 1 }, () => e));
    const shuffled = delivered
      .map((e, i) => ({ e, k: keys[i] ?? 0 }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.e);
    return { log, shuffled };
  });

async function run(l: Ledger, events: unknown[]): Promise<Record<string, unknown>> {
  l.at(NOW);
  for (const e of events) {
    const r = await l.apply(e);
    if (!r.ok && r.code !== "AlreadyApplied") throw new Error(`${JSON.stringify(e)} → ${r.code}`);
  }
  const result: Record<string, unknown> = {};
  for (const c of customers) {
    const s = await l.snapshot(c);
    if (s.balance) await l.evaluate(c);
    result[c] = canonical(await l.snapshot(c));
  }
  return result;
}

function canonical(s: Snapshot) {
  const perLot: Record<string, { available: number; pending: number; debt: number; writtenOff: number }> = {};
  for (const e of s.entries) {
    const k = e.lot ?? "(none)";
    const t = perLot[k] ?? { available: 0, pending: 0, debt: 0, writtenOff: 0 };
    perLot[k] = {
      available: t.available + e.available,
      pending: t.pending + e.pending,
      debt: t.debt + e.debt,
      writtenOff: t.writtenOff + e.writtenOff,
    };
  }
  return { balance: s.balance, lots: s.lots, perLot };
}

function checkInvariants(snapshots: Record<string, unknown>) {
  for (const value of Object.values(snapshots)) {
    const s = value as ReturnType<typeof canonical>;
    for (const lot of s.lots) expect(lot.remaining).toBeGreaterThanOrEqual(0);
    if (!s.balance) continue;
    const sums = Object.values(s.perLot).reduce(
      (a, b) => ({ available: a.available + b.available, pending: a.pending + b.pending, debt: a.debt + b.debt, writtenOff: 0 }),
      { available: 0, pending: 0, debt: 0, writtenOff: 0 },
    );
    expect(sums.available).toBe(s.balance.available);
    expect(sums.pending).toBe(s.balance.pending);
    expect(s.balance.available).toBeGreaterThanOrEqual(0);
  }
}

describe.each(ledgerKinds)("order independence (%s)", (kind) => {
  const open = ledgers(kind);
  const scale = Number(process.env.KINSHIP_PROPERTY_SCALE ?? 1);
  const runs = Math.round((kind === "memory" ? 300 : 12) * scale);

  it("any permutation with duplicates converges on the in-order ledger", async () => {
    await fc.assert(
      fc.asyncProperty(logArb, async ({ log, shuffled }) => {
        const inOrder = await run(await open(config), log);
        const permuted = await open(config);
        const result = await run(permuted, shuffled);
        expect(result).toEqual(inOrder);
        checkInvariants(result);
        expect(await permuted.verify()).toEqual([]);
      }),
      { numRuns: runs },
    );
  }, 300_000); // many full ledgers per run; a guard against hangs, not a speed check
});
