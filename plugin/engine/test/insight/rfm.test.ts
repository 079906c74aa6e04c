import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../../test/support/engine-db.ts";
import { type Engine, executeAdmin } from "../../src/index.ts";
import { codeOf, field } from "../api/support.ts";
import { type BackendName, backends, openTestEngine } from "../support/backends.ts";
import { customerCreated, order } from "../support/events.ts";
import { BUYERS, daysAgo, NOW, seedRfm } from "./rfm-fixture.ts";

const HOUR = 3_600_000;
const later = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

describe.each<BackendName>(backends)("insight: RFM scores and segments (%s)", (backend) => {
  let engine: Engine;
  let program: string;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
    program = await seedRfm(engine);
  });
  afterAll(() => engine.close());

  const rows = async () => {
    const found = await engine.program(program);
    if (!found.ok) throw new Error(found.error.message);
    return dbOf(engine)
      .selectFrom("kinship_member_insight as i")
      .innerJoin("kinship_member as m", "m.id", "i.member_id")
      .select(["m.customer_id", "i.recency", "i.frequency", "i.monetary", "i.segment", "i.orders", "i.lifetime_value"])
      .select(["i.first_order_at", "i.last_order_at", "i.computed_at", "i.changed_at"])
      .where("i.program_id", "=", found.value.id)
      .orderBy("m.customer_id")
      .execute();
  };
  // bigint comes back as a string from Postgres and a number from PGlite.
  const byCustomer = async () => new Map((await rows()).map((r) => [r.customer_id, { ...r, lifetime_value: Number(r.lifetime_value) }]));

  it("scores every buyer by quintile (ties share one) and puts every member in exactly one segment", async () => {
    const refreshed = await engine.insight.refresh(program, NOW);
    expect(refreshed).toEqual({ ok: true, value: { computedAt: NOW, members: 14, changed: 14 } });
    const got = await byCustomer();
    for (const [who, b] of Object.entries(BUYERS)) {
      const r = got.get(who);
      expect([who, r?.recency, r?.frequency, r?.monetary, r?.segment]).toEqual([who, ...b.rfm, b.segment]);
      expect([r?.orders, Number(r?.lifetime_value)]).toEqual([b.orders, b.orders * b.price]);
      expect(r?.last_order_at).toEqual(daysAgo(b.last));
      expect(r?.first_order_at).toEqual(daysAgo(b.last + 7 * (b.orders - 1)));
    }
    for (const [who, segment] of [
      ["k", "new"],
      ["l", "regular"],
      ["x", "regular"],
      ["y", "regular"],
    ] as const)
      expect(got.get(who)).toMatchObject({ recency: null, frequency: null, monetary: null, segment, orders: 0, lifetime_value: 0 });
    expect([...got.values()].every((r) => r.computed_at.getTime() === NOW.getTime() && r.changed_at.getTime() === NOW.getTime())).toBe(
      true,
    );
  });

  it("the views read the same rows: members per segment and the 20/80 (a 10500 and g 8800 of 55500)", async () => {
    const found = await engine.program(program);
    if (!found.ok) throw new Error(found.error.message);
    const v = await engine.insight.views(found.value.id, { from: daysAgo(365), to: NOW }, "Asia/Tokyo");
    expect(v.segments.map((x) => [x.segment, x.members])).toEqual([
      ["champions", 2],
      ["loyal", 1],
      ["at_risk", 2],
      ["lapsed", 2],
      ["new", 2],
      ["regular", 5],
    ]);
    expect(v.topShare).toEqual({ topMembers: 2, membersWithSales: 10, topSales: 19300, totalSales: 55500, share: 19300 / 55500 });
    expect(v.tierMigration).toHaveLength(3);
  });

  it("a second refresh with nothing changed moves no changed_at (computed_at moves)", async () => {
    const again = await engine.insight.refresh(program, later(1));
    expect(again).toEqual({ ok: true, value: { computedAt: later(1), members: 14, changed: 0 } });
    const got = await rows();
    expect(got.every((r) => r.changed_at.getTime() === NOW.getTime() && r.computed_at.getTime() === later(1).getTime())).toBe(true);
  });

  it("new figures that keep the segment move nothing; a member whose segment changes moves only theirs", async () => {
    // d's fourth order, 140 days ago and small: d's ranks stay (recency between e and c, 6500 below b's 7200).
    const d4 = await engine.apply(program, order("d4", "d", daysAgo(140).toISOString(), [{ price: 500 }]), later(2));
    if (!d4.ok) throw new Error(d4.error.message);
    expect(await engine.insight.refresh(program, later(2))).toMatchObject({ ok: true, value: { changed: 0 } });
    expect((await byCustomer()).get("d")).toMatchObject({ orders: 4, lifetime_value: 6500, segment: "at_risk", changed_at: NOW });
    // g's order from 320 days ago arrives: g has ordered within 365 days, still the least recent: R1 F5 M5, at risk.
    const g9 = await engine.apply(program, order("g9", "g", daysAgo(320).toISOString(), [{ price: 1100 }]), later(3));
    if (!g9.ok) throw new Error(g9.error.message);
    expect(await engine.insight.refresh(program, later(3))).toMatchObject({ ok: true, value: { changed: 1 } });
    const got = await rows();
    expect(got.filter((r) => r.changed_at.getTime() !== NOW.getTime()).map((r) => [r.customer_id, r.segment, r.changed_at])).toEqual([
      ["g", "at_risk", later(3)],
    ]);
    // 26 days on, j's first order is 31 days old: j is no longer new (R5 F1 M2: regular); k joined 28 days ago, still new.
    const on = new Date(NOW.getTime() + 26 * 24 * HOUR);
    expect(await engine.insight.refresh(program, on)).toMatchObject({ ok: true, value: { changed: 1 } });
    expect((await byCustomer()).get("j")).toMatchObject({ segment: "regular", changed_at: on });
    expect((await byCustomer()).get("k")).toMatchObject({ segment: "new", changed_at: NOW });
  });

  it("an unknown program is refused with a clear error and writes nothing", async () => {
    const refused = await engine.insight.refresh("nope.myshopify.com", NOW);
    expect(refused.ok ? null : refused.error.code).toBe("UnknownProgram");
  });
});

describe("insight in the admin API (postgres)", () => {
  let engine: Engine;
  let program: string;
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
    program = await seedRfm(engine, "rfm-api");
  });
  afterAll(() => engine.close());

  const ask = (query: string, variables: Record<string, unknown> = {}, now = NOW) =>
    executeAdmin(engine, { program, actor: "ops@example.com", now }, { query, variables });

  const VIEWS = `computedAt segments { segment members sales } byTier { tier segment members }
    topShare { topMembers membersWithSales topSales totalSales share }
    memberOrders { orders customers } nonMemberOrders { orders } tierMigration { month from to members }`;

  it("before any computation: no computedAt, every segment empty", async () => {
    const v = field<{ computedAt: unknown; segments: { members: number }[] }>(await ask(`{ insight { ${VIEWS} } }`), "insight");
    expect(v.computedAt).toBeNull();
    expect(v.segments.map((s) => s.members)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("refreshInsight recomputes, is audited and answers the views: segments, tiers, 20/80, orders, tier moves by Tokyo month", async () => {
    const v = field<Record<string, unknown>>(await ask(`mutation { refreshInsight { ${VIEWS} } }`), "refreshInsight");
    expect(v).toEqual({
      computedAt: NOW.toISOString(),
      segments: [
        { segment: "CHAMPIONS", members: 2, sales: "17700" },
        { segment: "LOYAL", members: 1, sales: "4000" },
        { segment: "AT_RISK", members: 2, sales: "14000" },
        { segment: "LAPSED", members: 2, sales: "9800" },
        { segment: "NEW", members: 2, sales: "3000" },
        { segment: "REGULAR", members: 5, sales: "7000" },
      ],
      byTier: [
        { tier: "gold", segment: "REGULAR", members: 1 },
        { tier: "member", segment: "AT_RISK", members: 2 },
        { tier: "member", segment: "CHAMPIONS", members: 2 },
        { tier: "member", segment: "LAPSED", members: 2 },
        { tier: "member", segment: "LOYAL", members: 1 },
        { tier: "member", segment: "NEW", members: 2 },
        { tier: "member", segment: "REGULAR", members: 3 },
        { tier: "silver", segment: "REGULAR", members: 1 },
      ],
      // ten members with sales: the top two are a (10500) and g (8800) of 55500.
      topShare: { topMembers: 2, membersWithSales: 10, topSales: "19300", totalSales: "55500", share: 19300 / 55500 },
      // Since 1 July 2025 (Tokyo): every order but g's eight (400–449 days ago). Each buyer's first order
      // made them a member, so it counts as a non-member's (as on the dashboard); a, b, c, d, e and h ordered again.
      memberOrders: { orders: 30 - 9, customers: 6 },
      nonMemberOrders: { orders: 9 },
      tierMigration: [
        { month: "2026-03", from: "member", to: "silver", members: 1 },
        { month: "2026-04", from: "member", to: "silver", members: 1 },
        { month: "2026-04", from: "silver", to: "gold", members: 1 },
      ],
    });
    const found = await engine.program(program);
    if (!found.ok) throw new Error(found.error.message);
    const [entry] = await engine.audit.log(found.value.id, 1);
    expect(entry).toMatchObject({
      actor: "ops@example.com",
      action: "insight.refresh",
      subject: program,
      after: { members: 14, changed: 14 },
    });
  });

  it("a period: tier moves of April only; from must be before to", async () => {
    const april = `{ insight(from: "2026-03-31T15:00:00Z", to: "2026-04-30T15:00:00Z") { tierMigration { month from to members } } }`;
    expect(field<{ tierMigration: unknown }>(await ask(april), "insight").tierMigration).toEqual([
      { month: "2026-04", from: "member", to: "silver", members: 1 },
      { month: "2026-04", from: "silver", to: "gold", members: 1 },
    ]);
    const backwards = await ask(`{ insight(from: "2026-05-01T00:00:00Z", to: "2026-04-01T00:00:00Z") { computedAt } }`);
    expect(codeOf(backwards)).toBe("BAD_USER_INPUT");
  });

  it("memberInsight: a buyer's scores and figures; a member who joined since: not computed yet, new; a stranger: null", async () => {
    const q = `query M($c: ID!) { memberInsight(customerId: $c) {
      customerId recency frequency monetary segment tier orders lifetimeValue firstOrderAt lastOrderAt computedAt } }`;
    expect(field(await ask(q, { c: "a" }), "memberInsight")).toEqual({
      customerId: "a",
      recency: 5,
      frequency: 5,
      monetary: 5,
      segment: "CHAMPIONS",
      tier: "member",
      orders: 7,
      lifetimeValue: "10500",
      firstOrderAt: daysAgo(52).toISOString(),
      lastOrderAt: daysAgo(10).toISOString(),
      computedAt: NOW.toISOString(),
    });
    const joined = await engine.apply(program, customerCreated("z", later(1).toISOString()), later(1));
    if (!joined.ok) throw new Error(joined.error.message);
    expect(field(await ask(q, { c: "z" }, later(2)), "memberInsight")).toMatchObject({ segment: "NEW", orders: 0, computedAt: null });
    expect(field(await ask(q, { c: "nobody" }), "memberInsight")).toBeNull();
  });

  it("membersInSegment pages by lifetime value, highest first; a cursor of another segment is refused", async () => {
    const q = `query S($s: Segment!, $after: String) { membersInSegment(segment: $s, first: 1, after: $after) {
      members { customerId lifetimeValue } nextCursor } }`;
    type Page = { members: { customerId: string; lifetimeValue: string }[]; nextCursor: string | null };
    const one = field<Page>(await ask(q, { s: "REGULAR" }), "membersInSegment");
    const seen = [...one.members];
    let cursor = one.nextCursor;
    while (cursor) {
      const next = field<Page>(await ask(q, { s: "REGULAR", after: cursor }), "membersInSegment");
      seen.push(...next.members);
      cursor = next.nextCursor;
    }
    // h 5000, i 2000, then l, y and x (0) by member id: the order they joined in.
    expect(seen.map((m) => [m.customerId, m.lifetimeValue])).toEqual([
      ["h", "5000"],
      ["i", "2000"],
      ["l", "0"],
      ["y", "0"],
      ["x", "0"],
    ]);
    expect(codeOf(await ask(q, { s: "CHAMPIONS", after: one.nextCursor }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await ask(q, { s: "CHAMPIONS", after: "bm9wZQ" }))).toBe("BAD_USER_INPUT");
  });

  it("a retry of refreshInsight with its idempotencyKey neither recomputes nor audits twice", async () => {
    const q = `mutation R($k: String) { refreshInsight(idempotencyKey: $k) { computedAt } }`;
    expect(field(await ask(q, { k: "r-1" }, later(3)), "refreshInsight")).toEqual({ computedAt: later(3).toISOString() });
    expect(field(await ask(q, { k: "r-1" }, later(4)), "refreshInsight")).toEqual({ computedAt: later(3).toISOString() });
    const found = await engine.program(program);
    if (!found.ok) throw new Error(found.error.message);
    const log = await engine.audit.log(found.value.id, 10);
    expect(log.filter((e) => e.action === "insight.refresh").map((e) => e.at)).toEqual([later(3).toISOString(), NOW.toISOString()]);
    expect(codeOf(await ask(q, { k: "" }))).toBe("BAD_USER_INPUT");
  });
});
