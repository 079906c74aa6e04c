import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { defaultProgramConfig, dispatchWebhooks, type Engine, type ProgramConfigInput, verifyKinshipSignature } from "@kinship/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestEngine, uniqueProgramKey } from "../../../plugin/engine/test/support/backends.ts";
import { order, spend } from "../../../plugin/engine/test/support/events.ts";

/** What the receiver got: raw body and headers, and what it answered. */
interface Received {
  body: string;
  headers: IncomingMessage["headers"];
  answered: number | "hung";
}

type Mode = "fail" | "hang" | "ok";

/** A real HTTP receiver on 127.0.0.1 whose behaviour the test switches. */
async function receiver() {
  const got: Received[] = [];
  let mode: Mode = "ok";
  const hanging = new Set<ServerResponse>();
  let onRequest: (() => void) | null = null;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const at = mode;
      got.push({ body, headers: req.headers, answered: at === "hang" ? "hung" : at === "fail" ? 500 : 204 });
      onRequest?.();
      if (at === "hang") {
        hanging.add(res);
        return;
      }
      res.writeHead(at === "fail" ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/kinship`,
    got,
    set(m: Mode) {
      mode = m;
    },
    nextRequest: () => new Promise<void>((resolve) => (onRequest = resolve)),
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const config: ProgramConfigInput = { ...defaultProgramConfig("USD"), pendingDays: 0, expiry: { kind: "afterEarn", days: 30 } };
const start = new Date("2026-03-01T00:00:00Z");

describe("outbound webhooks against a real local receiver (postgres)", () => {
  let engine: Engine;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let clock = start;
  const now = () => clock;
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
    hook = await receiver();
  });
  afterAll(async () => {
    await hook.close();
    await engine.close();
  });

  async function programWithEndpoint() {
    const key = uniqueProgramKey("hooks");
    const created = await engine.createProgram({ key, platform: "shopify", config, actor: "test", now: clock });
    if (!created.ok) throw new Error(created.error.message);
    const made = await engine.events.endpoints.create({
      program: key,
      url: hook.url,
      topics: ["points.earned", "points.spent", "points.expired", "tier.changed"],
      actor: "owner",
      now: clock,
    });
    if (!made.ok) throw new Error(made.error.message);
    return { key, secret: made.value.secret, endpoint: made.value.endpoint };
  }

  async function apply(key: string, input: unknown) {
    const r = await engine.apply(key, input, clock);
    if (!r.ok) throw new Error(r.error.message);
  }

  /** Every request since `from`, parsed, with its signature checked against `secret` at the clock of its sending. */
  function requests(from: number, secret: string) {
    return hook.got.slice(from).map((r) => {
      const parsed = JSON.parse(r.body) as { id: string; topic: string; program: string; data: { customerId: string } };
      const ts = r.headers["x-kinship-timestamp"] as string;
      const signed = verifyKinshipSignature(secret, ts, r.body, r.headers["x-kinship-signature"] as string, new Date(Number(ts) * 1000), 1);
      return {
        ...parsed,
        answered: r.answered,
        signed,
        headerId: r.headers["x-kinship-event-id"],
        topicHeader: r.headers["x-kinship-topic"],
      };
    });
  }

  it("given a receiver that fails, then hangs past the timeout, then recovers: every event arrives, in per-member order, signed", async () => {
    const { key, secret } = await programWithEndpoint();
    const from = hook.got.length;
    for (let i = 1; i <= 3; i++) {
      await apply(key, order(`a${i}`, "alice", "2026-02-20T10:00:00Z", [{ price: 1000 * i }]));
      await apply(key, order(`b${i}`, "bob", "2026-02-20T10:00:00Z", [{ price: 700 * i }]));
    }
    await apply(key, spend("alice", 5, "alice-spend"));
    const page = await engine.events.deliveries(key, { first: 200 });
    if (!page.ok) throw new Error(page.error.message);
    const expected = page.value.deliveries.map((d) => d.eventId).sort();
    expect(expected.length).toBeGreaterThanOrEqual(7);

    hook.set("fail");
    const failed = await dispatchWebhooks(engine, key, now, { timeoutMs: 300 });
    expect(failed.delivered).toBe(0);
    expect(failed.failed).toBeGreaterThan(0);
    advance(3600_000);
    hook.set("hang");
    const hung = await dispatchWebhooks(engine, key, now, { timeoutMs: 300 });
    expect(hung.delivered).toBe(0);
    const timedOut = await engine.events.deliveries(key, { status: "retrying" });
    expect(timedOut.ok && timedOut.value.deliveries.some((d) => d.lastError?.includes("timed out") && d.lastStatus === null)).toBe(true);
    hook.set("ok");
    for (let i = 0; i < 10; i++) {
      advance(3600_000);
      await dispatchWebhooks(engine, key, now, { timeoutMs: 2000 });
    }
    const seen = requests(from, secret);
    expect(seen.every((r) => r.signed)).toBe(true);
    expect(seen.every((r) => r.headerId === r.id && r.topicHeader === r.topic && r.program === key)).toBe(true);
    const deliveredIds = [...new Set(seen.filter((r) => r.answered === 204).map((r) => r.id))].sort();
    expect(deliveredIds).toEqual(expected);
    // Per member: no event is ever sent before an earlier one of the same member got through.
    for (const member of ["alice", "bob"]) {
      const ids = seen.filter((r) => r.data.customerId === member).map((r) => BigInt(r.id));
      for (let i = 1; i < ids.length; i++) expect((ids[i] as bigint) >= (ids[i - 1] as bigint)).toBe(true);
    }
    const left = await engine.events.deliveries(key, { first: 200 });
    expect(left.ok && left.value.deliveries.map((d) => d.status)).toEqual(expected.map(() => "delivered"));
    expect(left.ok && left.value.deliveries.filter((d) => d.attempts === 2).length).toBe(2);
  });

  it("given a receiver that never recovers, then deliveries go dead after their attempts and replay brings them back", async () => {
    const { key, secret } = await programWithEndpoint();
    await apply(key, order("d1", "dora", "2026-02-20T10:00:00Z", [{ price: 2000 }]));
    hook.set("fail");
    for (let i = 0; i < 3; i++) {
      await dispatchWebhooks(engine, key, now, { timeoutMs: 300, maxAttempts: 3 });
      advance(24 * 3600_000);
    }
    const dead = await engine.events.deliveries(key, { status: "dead" });
    if (!dead.ok) throw new Error(dead.error.message);
    expect(dead.value.deliveries).toHaveLength(1);
    expect(dead.value.deliveries[0]).toMatchObject({ attempts: 3, lastStatus: 500, lastError: "HTTP 500" });
    hook.set("ok");
    expect((await dispatchWebhooks(engine, key, now, { timeoutMs: 300 })).delivered).toBe(0);
    expect(
      await engine.events.replay(
        key,
        dead.value.deliveries.map((d) => d.id),
      ),
    ).toBe(1);
    const from = hook.got.length;
    expect((await dispatchWebhooks(engine, key, now, { timeoutMs: 2000 })).delivered).toBe(1);
    expect(requests(from, secret).map((r) => [r.topic, r.data.customerId, r.signed])).toEqual([["points.earned", "dora", true]]);
  });

  it("given points expiring in the set-based job, then points.expired reaches the endpoint too", async () => {
    const { key, secret } = await programWithEndpoint();
    await apply(key, order("e1", "erin", "2026-02-20T10:00:00Z", [{ price: 3000 }]));
    hook.set("ok");
    await dispatchWebhooks(engine, key, now, { timeoutMs: 2000 });
    advance(60 * 24 * 3600_000);
    const done = await engine.maintain(key, clock);
    expect(done.expired).toBeGreaterThan(0);
    const from = hook.got.length;
    await dispatchWebhooks(engine, key, now, { timeoutMs: 2000 });
    const expired = requests(from, secret).filter((r) => r.topic === "points.expired");
    expect(expired.map((r) => [r.data.customerId, r.signed])).toEqual([["erin", true]]);
  });

  it("given a receiver that hangs, then a decision for the same member commits while the delivery is in flight", async () => {
    const { key } = await programWithEndpoint();
    await apply(key, order("s1", "sam", clock.toISOString(), [{ price: 2000 }]));
    hook.set("hang");
    const arrived = hook.nextRequest();
    const inFlight = dispatchWebhooks(engine, key, now, { timeoutMs: 5000 });
    await arrived;
    let settled = false;
    void inFlight.then(() => {
      settled = true;
    });
    try {
      await apply(key, order("s2", "sam", clock.toISOString(), [{ price: 2000 }]));
      expect(settled).toBe(false);
      const member = await engine.member(key, "sam", clock);
      expect(member.ok && member.value.points.available).toBe(40);
    } finally {
      hook.set("ok");
      await inFlight;
    }
    const log = await engine.events.deliveries(key);
    expect(log.ok && log.value.deliveries.map((d) => [d.payload.orderId, d.status])).toEqual([
      ["s2", "pending"],
      ["s1", "retrying"],
    ]);
  });
});
