import { connect } from "@kinship/engine";
import { deadLetters, migrate, requeueDead } from "@kinship/engine/store";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import KinshipModuleService from "../src/modules/kinship/service";

/** The module service on a Postgres database of its own, as Medusa would construct it. */
describe("the Kinship module service", () => {
  const name = `kinship_medusa_service_${process.pid}`;
  let url: string;
  let admin: pg.Client;
  const logged: string[] = [];
  const logger = new Proxy({}, { get: () => (msg: string) => logged.push(String(msg)) }) as never;
  let service: KinshipModuleService;

  beforeAll(async () => {
    const base = new URL(inject("databaseUrl" as never) as string);
    admin = new pg.Client({ connectionString: Object.assign(new URL(base), { pathname: "/postgres" }).toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
    service = new KinshipModuleService(
      { logger, configModule: { projectConfig: { databaseUrl: url } } as never },
      { program: "svc-test", attempts: 3 },
    );
  });
  afterAll(async () => {
    await service?.__hooks.onApplicationShutdown();
    // pg's Pool.end() resolves before its sockets close: let them go rather than terminating them.
    for (let i = 0; i < 50; i += 1) {
      const open = await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
      if (open.rows[0]?.n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("refuses to run on a database whose Kinship tables were not migrated, saying what to run", async () => {
    await expect(service.engine()).rejects.toThrow(/missing 0001_ledger.*run `npx medusa db:migrate`/);
  });

  it("creates the store's program on first use, then takes an order once however often it comes", async () => {
    // As `medusa db:migrate` would: the module's service only checks that the tables are there.
    const migrating = await connect({ databaseUrl: url, max: 1 });
    await migrate(migrating.db);
    await migrating.close();
    const order = {
      id: "order_1",
      customer_id: "cus_1",
      currency_code: "usd",
      created_at: "2026-11-30T10:00:00Z",
      items: [{ id: "ordli_1", quantity: 2, unit_price: 12.5, adjustments: [] }],
    };
    const now = new Date("2026-11-30T10:00:05Z");
    expect(await service.take({ topic: "order.placed", key: "order.placed:order_1", record: order }, now)).toBe("applied");
    expect(await service.take({ topic: "order.placed", key: "order.placed:order_1", record: order }, now)).toBe("duplicate");
    expect(await service.settled("order.placed:order_1")).toBe(true);
    const member = await (await service.engine()).member("svc-test", "cus_1", now);
    expect(member.ok && member.value.points.available).toBe(25);
  });

  it("a record it cannot read fails, stays queued for the retry job, and is a dead letter after its last attempt", async () => {
    const now = new Date("2026-11-30T11:00:00Z");
    const bad = { id: "order_2", customer_id: "cus_1", currency_code: "usd", created_at: "not a date", items: [] };
    expect(await service.take({ topic: "order.placed", key: "order.placed:order_2", record: bad }, now)).toBe("failed");
    expect(await service.settled("order.placed:order_2")).toBe(false);
    // The test reads the rows on a connection of its own, as an operator's `kinship dlq` would.
    const reader = await connect({ databaseUrl: url, max: 1 });
    const { db } = reader;
    const id = Number(
      (await db.selectFrom("kinship_inbox").select("id").where("delivery_key", "=", "order.placed:order_2").executeTakeFirstOrThrow()).id,
    );
    expect(await service.run(id, 1, now)).toBe("failed");
    expect(await service.run(id, 2, now)).toBe("failed");
    const dead = await deadLetters(db, "svc-test");
    expect(dead.map((d) => [d.deliveryKey, d.attempts])).toEqual([["order.placed:order_2", 3]]);
    expect(dead[0]?.lastError).toMatch(/created_at/);
    expect(logged.some((l) => /event \d+ failed \(run 3 of 3\)/.test(l))).toBe(true);
    // `kinship dlq replay` puts it back in line for the retry job.
    expect(await requeueDead(db, "all")).toEqual([id]);
    expect(await service.settled("order.placed:order_2")).toBe(false);
    await reader.close();
  });
});
