import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engine, executeAdmin } from "../../src/index.ts";
import { codeOf, field } from "../api/support.ts";
import { type BackendName, backends, openTestEngine } from "../support/backends.ts";
import { order } from "../support/events.ts";
import { NOW, seedDashboard } from "./support.ts";

const DASHBOARD = `query Dash($weeks: Int) { dashboard(weeks: $weeks) {
  from to currency members activeMembers outstandingPoints pendingPoints
  membersByTier { week tiers { tier name members } }
  pointsByWeek { week issued redeemed expired reversed }
  memberOrders { orders customers averageOrderValue repeatRate }
  nonMemberOrders { orders customers averageOrderValue repeatRate }
  topRewards { rewardId name redemptions points } } }`;

const tiers = (member: number, silver: number, gold: number) => [
  { tier: "member", name: "Member", members: member },
  { tier: "silver", name: "Silver", members: silver },
  { tier: "gold", name: "Gold", members: gold },
];

describe.each<BackendName>(backends)("dashboard (%s)", (backend) => {
  let engine: Engine;
  let program: string;
  let other: string;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
    // Another program with the same customers and orders in the same weeks: none of it may count.
    other = await seedDashboard(engine, "dash-other");
    for (const [i, c] of ["ada", "bob", "zed"].entries())
      await engine.apply(other, order(`x${i}`, c, "2026-05-28T00:00:00Z", [{ price: 300000 }]), new Date("2026-05-28T00:00:00Z"));
    program = await seedDashboard(engine);
  });
  afterAll(() => engine.close());

  const ask = (weeks?: number, key = program) =>
    executeAdmin(engine, { program: key, actor: "ops", now: NOW }, { query: DASHBOARD, variables: { weeks } });

  it("every figure of two Tokyo weeks, a Sunday-night order in the first and a Monday-morning one in the second", async () => {
    expect(field(await ask(2), "dashboard")).toEqual({
      from: "2026-05-24T15:00:00.000Z",
      to: "2026-06-02T15:00:00.000Z",
      currency: "USD",
      members: 4,
      activeMembers: 3,
      // ada 50 + 600 − 100 − 50, bob 200 − 50 + 30, cara 300 − 20, dave 0
      outstandingPoints: 500 + 180 + 280,
      pendingPoints: 0,
      membersByTier: [
        { week: "2026-05-24T15:00:00.000Z", tiers: tiers(3, 0, 0) },
        { week: "2026-05-31T15:00:00.000Z", tiers: tiers(3, 1, 0) },
      ],
      pointsByWeek: [
        { week: "2026-05-24T15:00:00.000Z", issued: 200 + 50, redeemed: 0, expired: 100, reversed: 0 },
        { week: "2026-05-31T15:00:00.000Z", issued: 600 + 300 + 30, redeemed: 100 + 50, expired: 0, reversed: 50 },
      ],
      memberOrders: { orders: 3, customers: 2, averageOrderValue: 22667, repeatRate: 0.5 },
      nonMemberOrders: { orders: 3, customers: 3, averageOrderValue: 13333, repeatRate: 0 },
      topRewards: [
        { rewardId: "five-off", name: "$5 off", redemptions: 1, points: 100 },
        { rewardId: "ship", name: "Free shipping", redemptions: 1, points: 50 },
      ],
    });
  });

  it("weeks default to 12, the last the current one; members who joined later are not counted in earlier weeks", async () => {
    const d = field<{ from: string; membersByTier: { week: string; tiers: { members: number }[] }[]; pointsByWeek: unknown[] }>(
      await ask(),
      "dashboard",
    );
    expect(d.from).toBe("2026-03-15T15:00:00.000Z");
    expect(d.membersByTier).toHaveLength(12);
    expect(d.pointsByWeek).toHaveLength(12);
    const counts = d.membersByTier.map((w) => w.tiers.map((t) => t.members));
    // Week 12 starts 1 June JST, week 1 on 16 March; dave joined 1 May (counted from week 7, which ends
    // 4 May JST), ada 20 May (week 10), bob 26 May (week 11), cara 1 June (week 12, as ada turns Silver).
    expect(counts).toEqual([
      ...Array.from({ length: 6 }, () => [0, 0, 0]),
      [1, 0, 0],
      [1, 0, 0],
      [1, 0, 0],
      [2, 0, 0],
      [3, 0, 0],
      [3, 1, 0],
    ]);
  });

  it("weeks outside 1..52 are refused; another program's figures are its own", async () => {
    expect(codeOf(await ask(0))).toBe("BAD_USER_INPUT");
    expect(codeOf(await ask(53))).toBe("BAD_USER_INPUT");
    const theirs = field<{ members: number; memberOrders: { orders: number } }>(await ask(2, other), "dashboard");
    expect(theirs.members).toBe(5);
    expect(theirs.memberOrders.orders).toBe(5);
  });
});
