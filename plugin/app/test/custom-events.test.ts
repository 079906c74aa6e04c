import { randomUUID } from "node:crypto";
import { defaultProgramConfig } from "@kinship/engine";
import { deadLetters, webhookSecret } from "@kinship/engine/store";
import { signCustomEvent } from "@kinship/webhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../test/support/engine-db.ts";
import { drained, type Harness, newShop, startHarness } from "./support.ts";

let h: Harness;
let program: string;
let secret: string;

beforeAll(async () => {
  h = await startHarness("app_custom");
  program = await newShop(h.engine, "reviews");
  const base = defaultProgramConfig();
  const review = { id: "review", name: "Review", trigger: "custom:review.created", reward: { points: { fixed: 50 } } };
  const updated = await h.engine.updateConfig(program, { ...base, rules: [...(base.rules ?? []), review] }, "test", new Date());
  if (!updated.ok) throw new Error(updated.error.message);
  secret = (await webhookSecret(dbOf(h.engine), program)) ?? "";
});
afterAll(async () => {
  await h.close();
});

function reviewBody(customerId: unknown = "c-1", id = randomUUID()) {
  return JSON.stringify({ id, name: "review.created", customerId, occurredAt: new Date().toISOString(), payload: { stars: 5 } });
}

async function send(body: string, opts: { ts?: number; key?: string; program?: string; headers?: Record<string, string> } = {}) {
  const ts = opts.ts ?? Math.floor(Date.now() / 1000);
  const headers = opts.headers ?? {
    "content-type": "application/json",
    "x-kinship-program": opts.program ?? program,
    "x-kinship-timestamp": String(ts),
    "x-kinship-signature": signCustomEvent(opts.key ?? secret, ts, body),
  };
  const res = await fetch(`${h.url}/webhooks/events`, { method: "POST", headers, body });
  return { status: res.status, body: (await res.json()) as { outcome: string } };
}

async function available(customerId: string): Promise<number> {
  const m = await h.engine.member(program, customerId, new Date());
  return m.ok ? m.value.points.available : 0;
}

describe("signed custom events", () => {
  it("a signed review earns its points once, however often it is sent", async () => {
    const body = reviewBody("c-1");
    expect((await send(body)).status).toBe(200);
    expect((await send(body)).status).toBe(200);
    await drained(h.engine, program);
    expect(await available("c-1")).toBe(50);
  });

  it("refuses a bad signature, a stale or future timestamp, missing headers and unknown programs with 401", async () => {
    const body = reviewBody("c-2");
    expect((await send(body, { key: "not-the-secret" })).status).toBe(401);
    expect((await send(body, { ts: Math.floor(Date.now() / 1000) - 301 })).status).toBe(401);
    expect((await send(body, { ts: Math.floor(Date.now() / 1000) + 301 })).status).toBe(401);
    expect((await send(body, { headers: { "content-type": "application/json" } })).status).toBe(401);
    expect((await send(body, { program: "nobody.myshopify.com" })).status).toBe(401);
    await drained(h.engine, program);
    expect(await available("c-2")).toBe(0);
  });

  it("refuses a signed body that is not JSON, or has no event id, with 400", async () => {
    expect((await send("{oops")).status).toBe(400);
    expect((await send(JSON.stringify({ name: "review.created", customerId: "c-3" }))).status).toBe(400);
  });

  it("a poison event goes to the dead letters with its reason; the others keep flowing", async () => {
    const poison = reviewBody(Number("115310627314723954"));
    const good = reviewBody("c-4");
    expect((await send(poison)).status).toBe(200);
    expect((await send(good)).status).toBe(200);
    const start = Date.now();
    while ((await deadLetters(dbOf(h.engine), program)).length === 0 && Date.now() - start < 15_000)
      await new Promise((r) => setTimeout(r, 100));
    const dead = await deadLetters(dbOf(h.engine), program);
    expect(dead).toHaveLength(1);
    expect(dead[0]?.lastError).toMatch(/customerId/);
    expect(dead[0]?.attempts).toBeGreaterThanOrEqual(1);
    await drained(h.engine, program);
    expect(await available("c-4")).toBe(50);
  });
});
