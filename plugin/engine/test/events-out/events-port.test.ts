import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultProgramConfig, type Engine, type EventDelivery } from "../../src/index.ts";
import { backends, openTestEngine, uniqueProgramKey } from "../support/backends.ts";
import { order, spend } from "../support/events.ts";

const now = new Date("2026-03-01T00:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);

describe.each(backends)("events out: sinks and deliveries (%s)", (backend) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
  });
  afterAll(async () => {
    await engine.close();
  });

  async function program(): Promise<string> {
    const key = uniqueProgramKey("events");
    const created = await engine.createProgram({ key, platform: "shopify", config: defaultProgramConfig("USD"), actor: "test", now });
    if (!created.ok) throw new Error(created.error.message);
    return key;
  }

  async function endpoint(key: string, topics: string[] = ["points.earned", "points.spent", "tier.changed"]) {
    const made = await engine.events.endpoints.create({ program: key, url: "https://hooks.example.com/k", topics, actor: "owner", now });
    if (!made.ok) throw new Error(made.error.message);
    return made.value;
  }

  async function earn(key: string, customer: string, orderId: string, price = 5000) {
    const r = await engine.apply(key, order(orderId, customer, "2026-02-01T10:00:00Z", [{ price }]), now);
    if (!r.ok) throw new Error(r.error.message);
  }

  it("given an endpoint, then each earn and spend of a decision becomes one delivery in the same transaction, and none for topics it did not take", async () => {
    const key = await program();
    const { endpoint: e, secret } = await endpoint(key, ["points.earned", "points.spent"]);
    expect(secret).toMatch(/^whsec_/);
    await earn(key, "c1", "o1");
    const spent = await engine.apply(key, spend("c1", 10, "s-1"), now);
    expect(spent.ok).toBe(true);
    const page = await engine.events.deliveries(key, { sinkId: e.id });
    if (!page.ok) throw new Error(page.error.message);
    const topics = page.value.deliveries.map((d) => d.topic).sort();
    expect(topics).toEqual(["points.earned", "points.spent"]);
    const earned = page.value.deliveries.find((d) => d.topic === "points.earned");
    expect(earned?.payload).toMatchObject({ customerId: "c1", orderId: "o1", points: expect.any(Number) });
    expect(earned?.status).toBe("pending");
    // Delivered again by the platform: nothing more.
    const replayed = await engine.apply(key, order("o1", "c1", "2026-02-01T10:00:00Z", [{ price: 5000 }]), now);
    expect(replayed.ok ? null : replayed.error.code).toBe("AlreadyApplied");
    const again = await engine.events.deliveries(key, { sinkId: e.id });
    expect(again.ok && again.value.deliveries.length).toBe(2);
  });

  it("given flow and medusa sinks only once ensured, then only ensured kinds get deliveries, and ensuring again changes nothing", async () => {
    const key = await program();
    await earn(key, "c0", "o0");
    expect(await engine.events.claim(key, "flow", now)).toEqual([]);
    await engine.events.ensureSink(key, "flow");
    await engine.events.ensureSink(key, "flow");
    await earn(key, "c1", "o1");
    const flow = await engine.events.claim(key, "flow", now);
    expect(flow.map((d) => [d.topic, d.customerId, d.kind, d.url])).toEqual([["points.earned", "c1", "flow", null]]);
    expect(await engine.events.claim(key, "medusa", now)).toEqual([]);
    expect(await engine.events.claim(key, "webhook", now)).toEqual([]);
    await engine.events.ensureSink(key, "medusa", ["tier.changed"]);
    await earn(key, "c2", "o2");
    expect(await engine.events.claim(key, "medusa", now)).toEqual([]);
  });

  it("given several events of one member, then claims hand them out one at a time in order, and a dead one lets the next go", async () => {
    const key = await program();
    await endpoint(key);
    await earn(key, "c1", "o1");
    await earn(key, "c1", "o2");
    await earn(key, "c2", "o3");
    const first = await engine.events.claim(key, "webhook", now);
    expect(first.map((d) => [d.customerId, d.payload.orderId])).toEqual([
      ["c1", "o1"],
      ["c2", "o3"],
    ]);
    expect(first[0]?.secret).toMatch(/^whsec_/);
    // c1's o2 waits while o1 is leased, and while it waits for a retry.
    expect(await engine.events.claim(key, "webhook", now)).toEqual([]);
    const [o1, o3] = first as [EventDelivery, EventDelivery];
    await engine.events.settle(key, now, [
      { id: o1.id, claim: o1.claim, delivered: false, status: 500, error: "HTTP 500" },
      { id: o3.id, claim: o3.claim, delivered: true, status: 200 },
    ]);
    expect(await engine.events.claim(key, "webhook", at(1000))).toEqual([]);
    // Exhaust o1's attempts: dead after the last one, then o2 is due.
    let attempt = 1;
    let clock = at(0);
    for (;;) {
      clock = at(10 * 24 * 3600_000 * attempt);
      const batch = await engine.events.claim(key, "webhook", clock);
      expect(batch).toHaveLength(1);
      const d = batch[0] as EventDelivery;
      if (d.payload.orderId === "o2") break;
      expect(d.id).toBe(o1.id);
      expect(d.attempts).toBe(attempt);
      await engine.events.settle(key, clock, [{ id: d.id, claim: d.claim, delivered: false, status: null, error: "timed out" }], {
        maxAttempts: 4,
      });
      attempt++;
    }
    expect(attempt).toBe(4);
    const dead = await engine.events.deliveries(key, { status: "dead" });
    if (!dead.ok) throw new Error(dead.error.message);
    expect(dead.value.deliveries.map((d) => d.id)).toEqual([o1.id]);
    expect(dead.value.deliveries[0]).toMatchObject({ attempts: 4, lastError: "timed out", lastStatus: null, nextAttemptAt: null });
    expect(await engine.events.replay(key, [o1.id, o3.id])).toBe(1);
    expect(await engine.events.replay(key, [o1.id])).toBe(0);
  });

  it("given a settle with a claim that is not the live one, then nothing changes", async () => {
    const key = await program();
    await endpoint(key);
    await earn(key, "c1", "o1");
    const [d] = await engine.events.claim(key, "webhook", now, { leaseMs: 1000 });
    if (!d) throw new Error("no delivery");
    const [again] = await engine.events.claim(key, "webhook", at(2000));
    expect(again?.id).toBe(d.id);
    await engine.events.settle(key, at(2000), [{ id: d.id, claim: d.claim, delivered: true, status: 200 }]);
    const page = await engine.events.deliveries(key);
    expect(page.ok && page.value.deliveries[0]?.status).toBe("pending");
  });

  it("given bad endpoint input, then a clear error and nothing saved", async () => {
    const key = await program();
    for (const url of ["http://hooks.example.com/x", "ftp://x", "not a url", "https://user:pw@example.com/"]) {
      const r = await engine.events.endpoints.create({ program: key, url, topics: ["points.earned"], actor: "o", now });
      expect(r.ok ? null : r.error.code).toBe("InvalidEndpoint");
    }
    const badTopic = await engine.events.endpoints.create({
      program: key,
      url: "https://x.example/h",
      topics: ["points.changed"],
      actor: "o",
      now,
    });
    expect(badTopic.ok ? null : badTopic.error.code).toBe("InvalidEndpoint");
    const local = await engine.events.endpoints.create({
      program: key,
      url: "http://127.0.0.1:9/h",
      topics: ["points.earned"],
      actor: "o",
      now,
    });
    expect(local.ok).toBe(true);
    const listed = await engine.events.endpoints.list(key);
    expect(listed.ok && listed.value.map((e) => e.url)).toEqual(["http://127.0.0.1:9/h"]);
    const unknown = await engine.events.endpoints.update({ program: key, id: "999999", enabled: false, actor: "o", now });
    expect(unknown.ok ? null : unknown.error.code).toBe("UnknownEndpoint");
  });

  it("given a member erased, then their deliveries are gone and none is sent", async () => {
    const key = await program();
    await endpoint(key);
    await earn(key, "gone", "o1");
    await earn(key, "stays", "o2");
    const redacted = await engine.compliance.redactMember(key, "gone", now);
    expect(redacted.ok).toBe(true);
    const claimed = await engine.events.claim(key, "webhook", now);
    expect(claimed.map((d) => d.customerId)).toEqual(["stays"]);
  });

  it("given deliveries delivered over 30 days ago, then pruning drops only those: recent, pending and dead ones stay", async () => {
    const key = await program();
    await endpoint(key, ["points.earned"]);
    for (const c of ["old", "dead", "waiting"]) await earn(key, c, `o-${c}`);
    const claimed = await engine.events.claim(key, "webhook", now);
    const by = (c: string) => claimed.find((d) => d.customerId === c) as EventDelivery;
    await engine.events.settle(key, now, [{ id: by("old").id, claim: by("old").claim, delivered: true, status: 200 }]);
    await engine.events.settle(
      key,
      now,
      [{ id: by("dead").id, claim: by("dead").claim, delivered: false, status: 500, error: "HTTP 500" }],
      {
        maxAttempts: 1,
      },
    );
    await earn(key, "recent", "o-recent");
    const later = at(30 * 86_400_000 + 1);
    const recent = (await engine.events.claim(key, "webhook", later)).find((d) => d.customerId === "recent") as EventDelivery;
    await engine.events.settle(key, later, [{ id: recent.id, claim: recent.claim, delivered: true, status: 200 }]);

    expect(await engine.events.prune(key, later)).toBe(1);
    expect(await engine.events.prune(key, later)).toBe(0);
    const page = await engine.events.deliveries(key);
    const left = page.ok ? page.value.deliveries.map((d) => `${d.customerId}:${d.status}`).sort() : [];
    expect(left).toEqual(["dead:dead", "recent:delivered", "waiting:pending"]);
  });
});
