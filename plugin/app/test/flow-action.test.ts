import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Engine } from "@kinship/engine";
import { createMemoryQueue } from "@kinship/webhooks";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openEngineOwningDb } from "../../../test/support/engine-db.ts";
import { buildServer } from "../src/server.ts";
import { ADJUST_POINTS_HANDLE, ADJUST_POINTS_PATH, FLOW_ACTOR } from "../src/shopify/flow/adjust-points.ts";
import { API_KEY, newShop, SECRET } from "./support.ts";

/**
 * The "Adjust loyalty points" Flow action as Shopify Flow calls it: a signed POST to the toml's
 * runtime_url, retried with the same action_run_id until it gets an answer. The real server
 * (inject) on real Postgres.
 */
let engine: Engine;
let app: FastifyInstance;
let shop: string;
const NOW = new Date("2026-12-05T12:00:00Z");
const MEMBER = "7602385400101";

beforeAll(async () => {
  engine = await openEngineOwningDb({ databaseUrl: inject("databaseUrl") });
  app = buildServer({
    engine,
    queue: createMemoryQueue(),
    shopify: { apiKey: API_KEY, apiSecret: SECRET },
    logLevel: "silent",
    now: () => NOW,
  });
  await app.ready();
  shop = await newShop(engine, "flow-action");
  const joined = await engine.apply(shop, { type: "customer.created", customerId: MEMBER, occurredAt: NOW.toISOString() }, NOW);
  if (!joined.ok) throw new Error(joined.error.message);
});
afterAll(async () => {
  await app?.close();
  await engine?.close();
});

const sign = (body: string, secret = SECRET) => createHmac("sha256", secret).update(body, "utf8").digest("base64");

/** Flow's request body (Shopify's "Flow action execution" format). */
function runBody(runId: string, properties: Record<string, unknown>, domain = shop): string {
  return JSON.stringify({
    shop_id: "60524413087",
    shopify_domain: domain,
    action_run_id: runId,
    action_definition_id: "Adjust loyalty points",
    handle: ADJUST_POINTS_HANDLE,
    properties: { customer_id: MEMBER, step_reference: "320d4f8a-aaab-40ff-9ed2-2bc079633705", ...properties },
  });
}

async function post(body: string, signature = sign(body)) {
  const res = await app.inject({
    method: "POST",
    url: ADJUST_POINTS_PATH,
    headers: { "content-type": "application/json", "x-shopify-hmac-sha256": signature },
    payload: body,
  });
  return { status: res.statusCode, body: res.json() as { ok: boolean; code?: string; message?: string } };
}

async function available(customerId = MEMBER): Promise<number> {
  const m = await engine.member(shop, customerId, NOW);
  if (!m.ok) throw new Error(m.error.message);
  return m.value.points.available;
}

async function programId(): Promise<number> {
  const p = await engine.program(shop);
  if (!p.ok) throw new Error(p.error.message);
  return p.value.id;
}

describe("Flow action: adjust loyalty points", () => {
  it("a signed run applies once, however often Flow sends it; the ledger line names Flow and the reason", async () => {
    const before = await available();
    const body = runBody("run-credit-1", { points: 250, reason: "VIP birthday workflow" });
    for (let i = 0; i < 3; i++) expect(await post(body)).toEqual({ status: 200, body: { ok: true } });
    expect(await available()).toBe(before + 250);
    const line = await engine.members.adjustment(await programId(), "flow:run-credit-1");
    expect(line).toMatchObject({ customerId: MEMBER, available: 250, reason: "VIP birthday workflow", actor: FLOW_ACTOR });
  });

  it("three sends of the same run at once still apply it once", async () => {
    const before = await available();
    const body = runBody("run-credit-2", { points: 40, reason: "Review posted" });
    const answers = await Promise.all([post(body), post(body), post(body)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await available()).toBe(before + 40);
  });

  it("any mix of runs, each redelivered up to three times in any order, adds exactly the sum of the distinct runs", async () => {
    let batch = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ points: fc.integer({ min: 1, max: 500 }), copies: fc.integer({ min: 1, max: 3 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.infiniteStream(fc.nat()),
        async (runs, order) => {
          batch += 1;
          const before = await available();
          const sends = runs.flatMap((r, i) =>
            Array.from({ length: r.copies }, () => runBody(`prop-${batch}-${i}`, { points: r.points, reason: "property" })),
          );
          const shuffled = sends.map((body) => ({ body, at: order.next().value })).sort((a, b) => a.at - b.at);
          for (const { body } of shuffled) expect((await post(body)).status).toBe(200);
          expect(await available()).toBe(before + runs.reduce((sum, r) => sum + r.points, 0));
        },
      ),
      { numRuns: 15 },
    );
  });

  it("a deduction takes points; a deduction past the balance is refused with a 4xx Flow does not retry, nothing taken", async () => {
    const before = await available();
    expect((await post(runBody("run-debit-1", { points: -30, reason: "Chargeback" }))).status).toBe(200);
    expect(await available()).toBe(before - 30);
    const tooMuch = await post(runBody("run-debit-2", { points: -(before + 1000), reason: "Chargeback" }));
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ ok: false, code: "InsufficientPoints" });
    expect(await available()).toBe(before - 30);
  });

  it("a bad, missing or foreign-secret signature gets 401 and applies nothing", async () => {
    const before = await available();
    const body = runBody("run-forged", { points: 1000, reason: "forged" });
    expect((await post(body, sign(body, "not-the-app-secret"))).status).toBe(401);
    expect((await post(body, "")).status).toBe(401);
    // Signed, then tampered with: the signature covers the exact bytes.
    expect((await post(body.replace("1000", "9000"), sign(body))).status).toBe(401);
    expect(await available()).toBe(before);
    expect(await engine.members.adjustment(await programId(), "flow:run-forged")).toBeNull();
  });

  it("a customer who is not a member is refused with a clear 4xx and no member is made", async () => {
    const stranger = "7602385400999";
    const answer = await post(runBody("run-stranger", { customer_id: stranger, points: 10, reason: "welcome" }));
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ ok: false, code: "UnknownMember" });
    expect(answer.body.message).toContain(stranger);
    const m = await engine.member(shop, stranger, NOW);
    expect(m.ok ? null : m.error.code).toBe("UnknownMember");
  });

  it("bad input answers 400 with what is wrong: zero or fractional points, no reason, another action's handle, a shop without a program", async () => {
    const before = await available();
    const zero = await post(runBody("run-bad-1", { points: 0, reason: "nothing" }));
    expect(zero).toMatchObject({ status: 400, body: { code: "InvalidRequest" } });
    expect(zero.body.message).toContain("points");
    expect((await post(runBody("run-bad-2", { points: 1.5, reason: "half" }))).status).toBe(400);
    expect((await post(runBody("run-bad-3", { points: 5, reason: "  " }))).body.message).toContain("reason");
    const other = JSON.stringify({ ...JSON.parse(runBody("run-bad-4", { points: 5, reason: "x" })), handle: "someone-elses-action" });
    expect((await post(other)).body).toMatchObject({ code: "UnknownAction" });
    expect((await post(runBody("run-bad-5", { points: 5, reason: "x" }, "nobody.myshopify.com"))).status).toBe(404);
    expect((await post("not json")).status).toBe(400);
    expect(await available()).toBe(before);
  });

  it("the extension's runtime_url is the route the server serves, on the app's host", () => {
    const toml = readFileSync(new URL("../extensions/flow-action-adjust-points/shopify.extension.toml", import.meta.url), "utf8");
    const appToml = readFileSync(new URL("../shopify.app.toml", import.meta.url), "utf8");
    const runtime = new URL(/^runtime_url = "([^"]+)"$/m.exec(toml)?.[1] ?? "");
    const application = new URL(/^application_url = "([^"]+)"$/m.exec(appToml)?.[1] ?? "");
    expect(runtime.protocol).toBe("https:");
    expect(runtime.host).toBe(application.host);
    expect(runtime.pathname).toBe(ADJUST_POINTS_PATH);
    expect(toml).toContain('type = "flow_action"');
    expect(toml).toContain(`handle = "${ADJUST_POINTS_HANDLE}"`);
    // The fields the route reads: the customer reference, then points (an integer) and reason.
    const fields = [...toml.matchAll(/\[\[settings\.fields\]\]\n\s*type = "([^"]+)"(?:\n\s*key = "([^"]+)")?/g)].map((m) => [m[1], m[2]]);
    expect(fields).toEqual([
      ["customer_reference", undefined],
      ["number_integer", "points"],
      ["single_line_text_field", "reason"],
    ]);
  });
});
