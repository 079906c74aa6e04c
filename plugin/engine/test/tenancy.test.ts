import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyDatabase } from "../../../test/support/isolated.ts";
import { connect, defaultProgramConfig, type Engine, engineOn, migrations } from "../src/index.ts";
import { hostMigrationScript, migrate, pendingMigrations, statements } from "../src/store/db/migrate.ts";
import { openTestEngine, uniqueProgramKey } from "./support/backends.ts";
import { order } from "./support/events.ts";

const now = new Date("2026-03-02T00:00:00Z");

describe("multi-tenancy", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
  });
  afterAll(async () => {
    await engine.close();
  });

  it("the same customer id in two shops are two members; one shop never reads the other's", async () => {
    const a = uniqueProgramKey("shop-a");
    const b = uniqueProgramKey("shop-b");
    for (const key of [a, b]) await engine.createProgram({ key, platform: "shopify", config: defaultProgramConfig(), actor: "test", now });
    await engine.apply(a, order("o1", "42", "2026-03-01T00:00:00Z", [{ price: 50000 }]), now);
    await engine.apply(b, order("o1", "42", "2026-03-01T00:00:00Z", [{ price: 1000 }]), now);
    const inA = await engine.member(a, "42", now);
    const inB = await engine.member(b, "42", now);
    expect(inA.ok && inA.value.points.available).toBe(500);
    expect(inB.ok && inB.value.points.available).toBe(10);
    expect(await engine.member(b, "only-in-a", now)).toMatchObject({ ok: false });
    await engine.apply(a, order("o2", "only-in-a", "2026-03-01T00:00:00Z", [{ price: 1000 }]), now);
    expect(await engine.member(b, "only-in-a", now)).toMatchObject({ ok: false, error: { code: "UnknownMember" } });
    const listed: string[] = [];
    for await (const m of engine.members.list(b, now)) listed.push(m.customerId);
    expect(listed).toEqual(["42"]);
    // A refund for shop A's order id sent to shop B finds no order there: it waits, touching nothing.
    expect(
      await engine.apply(
        b,
        { type: "refund.created", refundId: "r9", orderId: "o2", occurredAt: "2026-03-01T00:00:00Z", amount: 1000 },
        now,
      ),
    ).toMatchObject({
      ok: true,
      value: { status: "held" },
    });
    const stillA = await engine.member(a, "only-in-a", now);
    expect(stillA.ok && stillA.value.points.available).toBe(10);
  });
});

describe("inside a host that owns the database", () => {
  it("the host scripts apply each migration once and record it, so the host's runner and migrate() agree", async () => {
    const database = await emptyDatabase("hostscript");
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    try {
      const db = (await connect({ pool })).db;
      expect(await pendingMigrations(db)).toEqual(migrations.map((m) => m.id));
      const first = migrations[0];
      if (!first) throw new Error("no migrations");
      // The host runs the first script twice (a re-run, or migrate() got there first): the second is a no-op.
      await pool.query(hostMigrationScript(first.id));
      await pool.query(hostMigrationScript(first.id));
      expect(await pendingMigrations(db)).toEqual(migrations.slice(1).map((m) => m.id));
      // migrate() applies the rest and leaves the host's one alone.
      expect(await migrate(db)).toEqual(migrations.slice(1).map((m) => m.id));
      for (const m of migrations) await pool.query(hostMigrationScript(m.id));
      expect(await pendingMigrations(db)).toEqual([]);
      expect(() => hostMigrationScript("9999_nope")).toThrow(/no Kinship migration 9999_nope/);
    } finally {
      await pool.end();
      await database.drop();
    }
  });

  it("applies the exported SQL migrations with the host's own client, then runs on the host's pool", async () => {
    const database = await emptyDatabase("host");
    const pool = new pg.Pool({ connectionString: database.url, max: 3 });
    try {
      const client = await pool.connect();
      for (const m of migrations) for (const statement of statements(m.sql)) await client.query(statement);
      client.release();

      const engine = engineOn(await connect({ pool }));
      const key = uniqueProgramKey("host");
      await engine.createProgram({ key, platform: "medusa", config: defaultProgramConfig("EUR"), actor: "medusa", now });
      await engine.apply(key, { ...order("o1", "cus_01", "2026-03-01T00:00:00Z", [{ price: 2500 }]), currency: "EUR" }, now);
      const m = await engine.member(key, "cus_01", now);
      expect(m.ok && m.value.points.available).toBe(25);
      await engine.close();
      expect((await pool.query("SELECT 1 AS alive")).rows[0].alive).toBe(1);
    } finally {
      await pool.end();
      await database.drop();
    }
  });
});
