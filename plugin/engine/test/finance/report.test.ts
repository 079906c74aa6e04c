import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benefits, partners, programConfig, rewards } from "../../../../test/support/program-fixture.ts";
import { type Engine, executeAdmin } from "../../src/index.ts";
import { codeOf, field } from "../api/support.ts";
import { type BackendName, backends, openTestEngine, uniqueProgramKey } from "../support/backends.ts";
import { adjust, order } from "../support/events.ts";

/** An order whose first line saved `saving` through member prices. */
function savedOrder(id: string, customer: string, at: string, price: number, saving: number) {
  const o = order(id, customer, at, [{ price }]);
  return { ...o, lines: o.lines.map((l) => ({ ...l, memberSaving: saving })) };
}

describe.each<BackendName>(backends)("finance report (%s)", (backend) => {
  let engine: Engine;
  const apply = async (program: string, input: unknown, at: string) => {
    const r = await engine.apply(program, input, new Date(at));
    if (!r.ok) throw new Error(`${at}: ${r.error.message}`);
  };
  beforeAll(async () => {
    engine = await openTestEngine(backend, 4);
  });
  afterAll(() => engine.close());

  describe("days are midnights in the program's zone, across both DST changes (New York)", () => {
    const program = uniqueProgramKey("finance-dst");
    beforeAll(async () => {
      const created = await engine.createProgram({
        key: program,
        platform: "custom",
        config: programConfig({ timezone: "America/New_York" }),
        actor: "t",
        now: new Date("2026-01-01T00:00:00Z"),
      });
      if (!created.ok) throw new Error(created.error.message);
      // 31 Oct 23:59 EDT: October. 1 Nov 00:00 EDT: the first day of November, which has 25 hours.
      await apply(program, adjust("ann", 1, { key: "oct-last-minute" }), "2026-11-01T03:59:00Z");
      await apply(program, adjust("ann", 10, { key: "nov-first-minute" }), "2026-11-01T04:00:00Z");
      // 1 Nov 23:30 EST (after the clocks went back): still 1 November. 2 Nov 00:00 EST: the 2nd.
      await apply(program, adjust("ann", 100, { key: "nov-1-late" }), "2026-11-02T04:30:00Z");
      await apply(program, adjust("ann", 1000, { key: "nov-2-midnight" }), "2026-11-02T05:00:00Z");
      // 8 March (clocks forward at 02:00): 23 hours; 8 Mar 23:30 EDT is 9 Mar 03:30Z.
      await apply(program, adjust("ann", 7, { key: "mar-8-late" }), "2026-03-09T03:30:00Z");
      await apply(program, adjust("ann", 70, { key: "mar-9-midnight" }), "2026-03-09T04:00:00Z");
    });

    it("an entry at 23:30 local time after the clocks go back is in that day; local midnight starts the next", async () => {
      const r = await engine.finance.report(program, "2026-11", new Date("2026-12-15T00:00:00Z"));
      if (!r.ok) throw new Error(r.error.message);
      const [first, second, third] = r.value.days;
      expect(r.value.total.start).toEqual(new Date("2026-11-01T04:00:00Z"));
      expect(r.value.total.end).toEqual(new Date("2026-12-01T05:00:00Z"));
      expect(r.value.days).toHaveLength(30);
      expect(first).toMatchObject({ period: "2026-11-01", start: new Date("2026-11-01T04:00:00Z"), end: new Date("2026-11-02T05:00:00Z") });
      expect(first).toMatchObject({ opening: 78n, adjusted: 110n, closing: 188n, reconciled: true });
      expect(second).toMatchObject({ period: "2026-11-02", opening: 188n, adjusted: 1000n, closing: 1188n, reconciled: true });
      expect(third).toMatchObject({ period: "2026-11-03", adjusted: 0n, closing: 1188n });
      expect(r.value.total).toMatchObject({ opening: 78n, adjusted: 1110n, closing: 1188n, ledgerClosing: 1188n });
    });

    it("the spring-forward day has 23 hours and keeps its late-evening entry", async () => {
      const r = await engine.finance.report(program, "2026-03", new Date("2026-12-15T00:00:00Z"));
      if (!r.ok) throw new Error(r.error.message);
      const day = (p: string) => r.value.days.find((d) => d.period === p);
      expect(day("2026-03-08")).toMatchObject({
        start: new Date("2026-03-08T05:00:00Z"),
        end: new Date("2026-03-09T04:00:00Z"),
        adjusted: 7n,
      });
      expect(day("2026-03-09")).toMatchObject({ adjusted: 70n, closing: 77n });
    });
  });

  describe("benefit costs", () => {
    const program = uniqueProgramKey("finance-benefits");
    beforeAll(async () => {
      const config = programConfig({
        benefits: [
          { ...benefits.membersFivePercent, costEstimate: 50 },
          { ...benefits.silverTenPercent, costEstimate: 150 },
        ],
        rewards: [rewards.fiveOffFor100Points, rewards.freeShippingFor50Points],
        partners: [partners.cinema],
      });
      const created = await engine.createProgram({
        key: program,
        platform: "custom",
        config,
        actor: "t",
        now: new Date("2026-01-01T00:00:00Z"),
      });
      if (!created.ok) throw new Error(created.error.message);
      // ada turns Silver on her first order (600.00), then saves 10.00 on a member-price order.
      await apply(program, order("a1", "ada", "2026-05-02T10:00:00Z", [{ price: 60_000 }]), "2026-05-02T10:00:00Z");
      await apply(program, savedOrder("a2", "ada", "2026-05-05T10:00:00Z", 9_000, 1_000), "2026-05-05T10:00:00Z");
      // bob is a Member: his 5.00 saving is the members' 5% only.
      await apply(program, order("b1", "bob", "2026-05-03T10:00:00Z", [{ price: 2_000 }]), "2026-05-03T10:00:00Z");
      await apply(program, savedOrder("b2", "bob", "2026-05-06T10:00:00Z", 9_500, 500), "2026-05-06T10:00:00Z");
      // cy saves on the order that makes her Silver: its prices were a Member's.
      await apply(program, savedOrder("c1", "cy", "2026-05-07T10:00:00Z", 60_000, 300), "2026-05-07T10:00:00Z");
      // An April saving is another month's.
      await apply(program, savedOrder("b0", "bob", "2026-04-20T10:00:00Z", 1_000, 100), "2026-04-20T10:00:00Z");
      const now = new Date("2026-05-10T00:00:00Z");
      const reserved = await engine.redemptions.reserve({ program, customerId: "ada", rewardId: "five-off", key: "rd-1", now });
      if (!reserved.ok) throw new Error(reserved.error.message);
      expect((await engine.redemptions.confirm({ program, key: "rd-1", now, code: "FIVE", platformRef: null })).ok).toBe(true);
      await engine.redemptions.reserve({ program, customerId: "bob", rewardId: "ship", key: "rd-2", now });
      expect((await engine.redemptions.cancel({ program, key: "rd-2", now, error: "refused" })).ok).toBe(true);
      expect((await engine.partners.importCodes({ program, partner: "cinema", codes: ["C1", "C2"], actor: "t", now })).ok).toBe(true);
      expect((await engine.partners.claim({ program, customerId: "bob", partner: "cinema", key: "cl-1", now })).ok).toBe(true);
    });

    it("uses, estimated cost, discounts given and the users' paid orders in the month", async () => {
      const r = await engine.finance.report(program, "2026-05", new Date("2026-06-02T00:00:00Z"));
      if (!r.ok) throw new Error(r.error.message);
      const ada = { orders: 2, sales: 69_000n };
      const bob = { orders: 2, sales: 11_500n };
      const cy = { orders: 1, sales: 60_000n };
      expect(r.value.benefitCosts).toEqual([
        {
          key: "benefit:members-5",
          name: "Members save 5%",
          kind: "memberPrice",
          uses: 3,
          estimatedCost: 150n,
          discountsGiven: 1_800n,
          members: 3,
          memberOrders: ada.orders + bob.orders + cy.orders,
          memberSales: ada.sales + bob.sales + cy.sales,
          currency: "USD",
        },
        {
          key: "benefit:silver-10",
          name: "Silver: 10% off",
          kind: "memberPrice",
          uses: 1,
          estimatedCost: 150n,
          discountsGiven: 1_000n,
          members: 1,
          memberOrders: ada.orders,
          memberSales: ada.sales,
          currency: "USD",
        },
        {
          key: "reward:five-off",
          name: "$5 off",
          kind: "reward",
          uses: 1,
          estimatedCost: null,
          discountsGiven: 500n,
          members: 1,
          memberOrders: ada.orders,
          memberSales: ada.sales,
          currency: "USD",
        },
        {
          key: "reward:ship",
          name: "Free shipping",
          kind: "reward",
          uses: 0,
          estimatedCost: null,
          discountsGiven: 0n,
          members: 0,
          memberOrders: 0,
          memberSales: 0n,
          currency: "USD",
        },
        {
          key: "partner:cinema",
          name: "Lux Cinema",
          kind: "partner",
          uses: 1,
          estimatedCost: 700n,
          discountsGiven: 0n,
          members: 1,
          memberOrders: bob.orders,
          memberSales: bob.sales,
          currency: "USD",
        },
      ]);
    });

    it("GraphQL financeReport: Long figures as strings, the method stated; a bad month is InvalidMonth", async () => {
      const ask = (month: string) =>
        executeAdmin(
          engine,
          { program, actor: "ops", now: new Date("2026-06-02T00:00:00Z") },
          {
            query: `query F($m: String!) { financeReport(month: $m) {
              month timezone from to currency pointValuePoints pointValueMoney reconciled
              total { period opening issued redeemed closing ledgerClosing reconciled money { currency opening issued redeemed closing } }
              days { period closing }
              liability { currency availablePoints pendingPoints gross expectedBreakage net }
              breakage { rate expired redeemed method }
              benefitCosts { key uses estimatedCost discountsGiven members memberOrders memberSales } } }`,
            variables: { m: month },
          },
        );
      const f = field<Record<string, unknown>>(await ask("2026-05"), "financeReport");
      // 600 + 90 + 20 + 95 + 600 points earned in May (1 per currency unit), 100 spent on five-off; bob's 50 for ship given back.
      expect(f).toMatchObject({
        month: "2026-05",
        timezone: "UTC",
        from: "2026-05-01T00:00:00.000Z",
        to: "2026-06-01T00:00:00.000Z",
        currency: "USD",
        pointValuePoints: 100,
        pointValueMoney: 100,
        reconciled: true,
        total: {
          period: "2026-05",
          opening: "10",
          issued: "1405",
          redeemed: "100",
          closing: "1315",
          ledgerClosing: "1315",
          reconciled: true,
          money: { currency: "USD", opening: "10", issued: "1405", redeemed: "100", closing: "1315" },
        },
        liability: [{ currency: "USD", gross: "1315", expectedBreakage: "0", net: "1315" }],
        breakage: { rate: 0, expired: "0", redeemed: "100" },
        benefitCosts: expect.arrayContaining([
          {
            key: "benefit:silver-10",
            uses: 1,
            estimatedCost: "150",
            discountsGiven: "1000",
            members: 1,
            memberOrders: 2,
            memberSales: "69000",
          },
        ]),
      });
      expect((f.days as unknown[]).length).toBe(31);
      expect(codeOf(await ask("May 2026"))).toBe("InvalidMonth");
      expect(codeOf(await ask("2026-07"))).toBe("InvalidMonth");
    });
  });
});
