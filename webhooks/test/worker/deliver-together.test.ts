import type { CommerceEventInput, Engine } from "@kinship/engine";
import { inboxRow } from "@kinship/engine/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf, openEngineOwningDb } from "../../../test/support/engine-db.ts";
import { MappingError, mapCustom, mapShopify } from "../../src/mappers/index.ts";
import { type DeliveryDeps, DeliveryFailed, deliveryHandler } from "../../src/worker/deliver.ts";
import {
  balance,
  customBody,
  isolatedDatabase,
  newProgram,
  REVIEW_POINTS,
  receiveCustom,
  receiveShopify,
  recordingLogger,
  shopifyOrderBody,
  statuses,
} from "./support.ts";

let db: { url: string; drop(): Promise<void> };
let engine: Engine;
const first = { number: 1, final: false };

beforeAll(async () => {
  db = await isolatedDatabase("group");
  engine = await openEngineOwningDb({ databaseUrl: db.url, max: 12 });
});

afterAll(async () => {
  await engine?.close();
  await db?.drop();
});

/** The engine, counting the deliveries of each batch the worker hands it. */
function countingEngine(groups: number[]): Engine {
  return {
    ...engine,
    deliveries: {
      process: (jobs, map, now) => {
        groups.push(jobs.length);
        return engine.deliveries.process(jobs, map, now);
      },
    },
  };
}

describe("deliveryHandler, first runs together", () => {
  it("applies deliveries that run at once in shared transactions, exactly once, and leaves the odd ones to run alone", async () => {
    const program = await newProgram(engine, "grp");
    const groups: number[] = [];
    const log = recordingLogger();
    const mapBuggy = (raw: string) => {
      if (raw.includes('"id":"bug"')) throw new MappingError("custom event: simulated mapper bug");
      return mapCustom(raw);
    };
    const deps: DeliveryDeps = { engine: countingEngine(groups), mapShopify, mapCustom: mapBuggy, now: () => new Date(), log };
    const deliver = deliveryHandler(deps, { maxBatch: 8, maxInFlight: 2 });

    const ids: number[] = [];
    // 24 orders of 6 customers (4 each, $10..$40), 6 reviews, a delivery the mapper cannot read,
    // an order with no lines that earn (ignored), a data request (carried out alone).
    for (let i = 0; i < 24; i += 1) {
      const body = shopifyOrderBody({
        orderId: `52000000000000${10 + i}`,
        customerId: `720000000000000${i % 6}`,
        dollars: 10 * ((i % 4) + 1),
      });
      ids.push((await receiveShopify(engine, program, "orders/paid", body, `evt-${i}`)).id);
    }
    for (let i = 0; i < 6; i += 1)
      ids.push((await receiveCustom(engine, program, customBody({ id: `rev-${i}`, customerId: "ann" }), `rev-${i}`)).id);
    const bug = (await receiveCustom(engine, program, customBody({ id: "bug", customerId: "ann" }), "bug")).id;
    const guest = (
      await receiveShopify(
        engine,
        program,
        "orders/paid",
        shopifyOrderBody({ orderId: "5200000000000099", customerId: "7200000000000000", dollars: 5 }).replace(
          /"line_items":\[.*\],"total_tax"/,
          '"line_items":[],"total_tax"',
        ),
        "evt-empty",
      )
    ).id;
    const request = (
      await receiveShopify(
        engine,
        program,
        "customers/data_request",
        `{"shop_id":1,"customer":{"id":7200000000000000},"orders_requested":[],"data_request":{"id":9}}`,
        "evt-dr",
      )
    ).id;
    ids.push(bug, guest, request);

    const outcomes = await Promise.all(ids.map((id) => deliver(id, first).catch((e: unknown) => e)));
    const byId = new Map(ids.map((id, i) => [id, outcomes[i]]));
    expect(byId.get(bug)).toBeInstanceOf(DeliveryFailed);
    expect(byId.get(guest)).toBe("ignored");
    expect(byId.get(request)).toBe("applied");
    expect(ids.filter((id) => id !== bug && id !== guest && id !== request).map((id) => byId.get(id))).toEqual(Array(30).fill("applied"));
    // Grouped: far fewer transactions than deliveries, none larger than asked.
    expect(groups.length).toBeLessThan(12);
    expect(Math.max(...groups)).toBeLessThanOrEqual(8);
    // Customer c has orders c, c+6, c+12, c+18: twice $(10 × (c mod 4 + 1)) and twice $(10 × ((c + 2) mod 4 + 1)).
    for (let c = 0; c < 6; c += 1) expect(await balance(engine, program, `720000000000000${c}`)).toBe(c % 2 === 0 ? 80 : 120);
    expect(await balance(engine, program, "ann")).toBe(6 * REVIEW_POINTS);
    expect(await inboxRow(dbOf(engine), bug)).toMatchObject({ status: "queued", attempts: 1 });
    expect((await inboxRow(dbOf(engine), guest))?.status).toBe("ignored");
    expect(await engine.verify(program)).toEqual([]);

    // Run again (a redelivered job, a second worker): nothing doubles.
    expect(await Promise.all(ids.filter((id) => id !== bug).map((id) => deliver(id, first)))).toEqual(
      Array(ids.length - 1).fill("skipped"),
    );
    expect(await balance(engine, program, "7200000000000000")).toBe(80);
  });

  it("a decision refused inside a group sends that group one by one: the others apply, the refused one fails alone", async () => {
    const program = await newProgram(engine, "grq");
    const groups: number[] = [];
    const log = recordingLogger();
    // A mapper bug that turns review "greedy" into a spend the member cannot afford: the core refuses it.
    const greedySpend = { type: "spend", key: "greedy", customerId: "ann", points: 1_000_000, reason: "test" };
    const mapGreedy = (raw: string) =>
      raw.includes('"id":"greedy"') ? { kind: "apply" as const, inputs: [greedySpend as unknown as CommerceEventInput] } : mapCustom(raw);
    const deps: DeliveryDeps = { engine: countingEngine(groups), mapShopify, mapCustom: mapGreedy, now: () => new Date(), log };
    const deliver = deliveryHandler(deps, { maxBatch: 16, maxInFlight: 1 });
    const ids: number[] = [];
    for (let i = 0; i < 5; i += 1)
      ids.push((await receiveCustom(engine, program, customBody({ id: `r-${i}`, customerId: "ann" }), `r-${i}`)).id);
    const greedy = (await receiveCustom(engine, program, customBody({ id: "greedy", customerId: "ann" }), "greedy")).id;
    ids.push(greedy);
    for (let i = 5; i < 10; i += 1)
      ids.push((await receiveCustom(engine, program, customBody({ id: `r-${i}`, customerId: "ann" }), `r-${i}`)).id);

    const outcomes = await Promise.all(ids.map((id) => deliver(id, first).catch((e: unknown) => e)));
    expect(outcomes.filter((o) => o === "applied")).toHaveLength(10);
    const failed = outcomes[ids.indexOf(greedy)];
    expect(failed).toBeInstanceOf(DeliveryFailed);
    expect((failed as DeliveryFailed).reason).toMatch(/InsufficientPoints/);
    expect(log.lines.some((l) => l.msg === "delivery failed: will retry" && String(l.obj.reason).includes("InsufficientPoints"))).toBe(
      true,
    );
    expect(await balance(engine, program, "ann")).toBe(10 * REVIEW_POINTS);
    expect(await inboxRow(dbOf(engine), greedy)).toMatchObject({ status: "queued", attempts: 1 });
    expect(await statuses(engine, program)).toEqual({ applied: 10, queued: 1 });
    expect(await engine.verify(program)).toEqual([]);
  });
});

describe("the worker's one crossing into the engine", () => {
  it("hands a batch of deliveries to engine.deliveries.process and touches nothing else of the engine", async () => {
    const program = await newProgram(engine, "one");
    const ids: number[] = [];
    for (let i = 0; i < 6; i += 1)
      ids.push(
        (
          await receiveShopify(
            engine,
            program,
            "orders/paid",
            shopifyOrderBody({ orderId: `53000000000000${10 + i}`, customerId: "7300000000000000", dollars: 10 }),
            `one-${i}`,
          )
        ).id,
      );
    const touched: string[] = [];
    const watched = new Proxy(engine, {
      get(target, key, receiver) {
        touched.push(String(key));
        return Reflect.get(target, key, receiver);
      },
    });
    const deliver = deliveryHandler({ engine: watched, mapShopify, mapCustom, now: () => new Date() }, { maxBatch: 16, maxInFlight: 1 });
    expect(await Promise.all(ids.map((id) => deliver(id, first)))).toEqual(Array(6).fill("applied"));
    expect(new Set(touched)).toEqual(new Set(["deliveries"]));
    expect(await balance(engine, program, "7300000000000000")).toBe(60);
  });
});
