/**
 * Where a delivery's time goes, stage by stage, one at a time in this process (no HTTP, nothing
 * else in flight): the intake's steps (HMAC validation, JSON check, shop lookup, inbox insert,
 * enqueue) and the worker's (inbox read, mapping, engine.apply, settle). Wall time per call and
 * this process's CPU per call (the database's and Redis's work shows as wall minus CPU).
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import Bull from "bull";
import pg from "pg";
import type { Engine } from "../../plugin/engine/src/index.ts";
import { connectShop, findShop, inboxRow, receive, settle } from "../../plugin/engine/src/store/index.ts";
import { createBullQueue, mapShopify, shopifyClient, shopifyIntake, verifyShopifyWebhook } from "../../webhooks/src/index.ts";
import { dbOf } from "../support/engine-db.ts";
import { shopifyHeaders } from "../support/shopify-webhook.ts";
import { rawClient } from "./support.ts";
import { orderBody } from "./webhooks-load.ts";

export interface Stage {
  stage: string;
  /** "alternative": not what the code does; what a suggested change would cost instead. */
  side: "baseline" | "load" | "intake" | "worker" | "alternative";
  calls: number;
  /** Mean wall time per call. */
  ms: number;
  /** This process's CPU per call (user + system). */
  cpuMs: number;
  /** Postgres round trips per call (pg queries, BEGIN and COMMIT included). */
  queries: number;
}

/** Counts every pg query sent from this process while installed. */
function countQueries(): { count(): number; restore(): void } {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let n = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    n++;
    return original.apply(this, args);
  };
  return {
    count: () => n,
    restore: () => {
      proto.query = original;
    },
  };
}

let counter: ReturnType<typeof countQueries> | null = null;

async function stage(name: string, side: Stage["side"], calls: number, fn: (i: number) => unknown): Promise<Stage> {
  const queries = counter?.count() ?? 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < calls; i++) await fn(i);
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const sent = (counter?.count() ?? 0) - queries;
  return { stage: name, side, calls, ms: wall / calls, cpuMs: (used.user + used.system) / 1000 / calls, queries: sent / calls };
}

export async function profileStages(
  engine: Engine,
  databaseUrl: string,
  redisUrl: string,
  queueName: string,
  shop: string,
  calls: number,
): Promise<Stage[]> {
  const db = dbOf(engine);
  const secret = "bench-profile-secret";
  const connected = await connectShop(db, shop, null, new Date());
  if (!connected.ok) throw new Error(connected.error.message);
  const queue = createBullQueue({ redisUrl, name: queueName });
  // The same queue, driven directly, for the alternatives.
  const bull = new Bull(queueName, redisUrl, {
    defaultJobOptions: { attempts: 5, backoff: { type: "exponential", delay: 1000 }, removeOnComplete: true, removeOnFail: false },
  });
  const pgClient = await rawClient(databaseUrl);
  const stages: Stage[] = [];
  counter = countQueries();
  try {
    // What one round trip costs on this machine: every query of intake and worker pays it.
    stages.push(await stage("one Postgres round trip (SELECT 1)", "baseline", calls, () => pgClient.query("SELECT 1")));
    stages.push(await stage("one Redis round trip (PING)", "baseline", calls, () => bull.client.ping()));
    const bodies = Array.from({ length: calls }, (_, i) => orderBody(8, i, Math.max(1, Math.floor(calls / 4))));
    const signed = bodies.map((b) => shopifyHeaders(secret, shop, "orders/paid", b));
    const fakeRequest = (i: number) => ({ headers: signed[i], method: "POST", url: "/webhooks/shopify" }) as unknown as IncomingMessage;
    const fakeResponse = {} as ServerResponse;
    const body = (i: number) => bodies[i] ?? "";

    stages.push(
      await stage("sign: body + HMAC + headers", "load", calls, (i) => shopifyHeaders(secret, shop, "orders/paid", orderBody(9, i, 100))),
    );
    stages.push(
      await stage("verify (library createSHA256HMAC, header reads)", "intake", calls, async (i) => {
        const r = await verifyShopifyWebhook(secret, body(i), signed[i] ?? {});
        if (!r.valid) throw new Error(`profile: HMAC rejected: ${r.reason}`);
      }),
    );
    const shopify = shopifyClient("bench-key", secret);
    stages.push(
      await stage("validate with shopify.webhooks.validate (before)", "alternative", calls, async (i) => {
        const r = await shopify.webhooks.validate({ rawBody: body(i), rawRequest: fakeRequest(i), rawResponse: fakeResponse });
        if (!r.valid) throw new Error(`profile: HMAC rejected: ${r.reason}`);
      }),
    );
    const key = Buffer.from(secret, "utf8");
    stages.push(
      await stage("validate with node:crypto HMAC + timingSafeEqual", "alternative", calls, (i) => {
        const given = Buffer.from(signed[i]?.["x-shopify-hmac-sha256"] ?? "", "base64");
        const local = createHmac("sha256", key).update(body(i), "utf8").digest();
        if (given.length !== local.length || !timingSafeEqual(given, local)) throw new Error("profile: HMAC mismatch");
      }),
    );
    stages.push(await stage("isJson (JSON.parse of the body)", "intake", calls, (i) => JSON.parse(body(i))));
    stages.push(await stage("findShop (uncached; cached 5 s in intake)", "intake", calls, () => findShop(db, shop)));
    const ids: number[] = [];
    stages.push(
      await stage("inbox insert (receive)", "intake", calls, async (i) => {
        const r = await receive(
          db,
          {
            source: "shopify",
            programKey: shop,
            deliveryKey: signed[i]?.["x-shopify-event-id"] ?? String(i),
            topic: "orders/paid",
            payload: body(i),
            meta: { webhookId: signed[i]?.["x-shopify-webhook-id"], apiVersion: "2026-10", triggeredAt: null, shop },
          },
          new Date(),
        );
        ids.push(r.id);
      }),
    );
    stages.push(await stage("enqueue (bull: state check + add)", "intake", calls, (i) => queue.enqueue(ids[i] ?? 0)));
    const altKeys = bodies.map(() => randomUUID());
    stages.push(
      await stage("inbox insert as one prepared pg statement", "alternative", calls, (i) =>
        pgClient.query({
          name: "bench-inbox-insert",
          text: `INSERT INTO kinship_inbox (source, program_key, delivery_key, topic, payload, meta, status, received_at)
                 VALUES ('shopify', $1, $2, 'orders/paid', $3, $4, 'queued', $5)
                 ON CONFLICT (source, program_key, delivery_key) DO NOTHING RETURNING id`,
          values: [shop, altKeys[i], body(i), JSON.stringify({ apiVersion: "2026-10", shop }), new Date()],
        }),
      ),
    );
    stages.push(
      await stage("enqueue as bull add only (new row: no state check)", "alternative", calls, (i) =>
        bull.add({ inboxId: ids[i] ?? 0 }, { jobId: `alt-${ids[i] ?? i}` }),
      ),
    );

    // The whole intake handler without HTTP, on new deliveries (new event ids, same bodies).
    const intake = shopifyIntake({ apiSecret: secret, engine, queue });
    const again = bodies.map((b) => shopifyHeaders(secret, shop, "orders/paid", b));
    const handlerIds: number[] = [];
    stages.push(
      await stage("= intake handler (all of the above, shop cached)", "intake", calls, async (i) => {
        const r = await intake({
          rawBody: body(i),
          headers: again[i] ?? {},
        });
        if (r.status !== 200 || r.body.outcome !== "queued") throw new Error(`profile: intake answered ${r.status} ${r.body.outcome}`);
        if (r.body.inboxId) handlerIds.push(r.body.inboxId);
      }),
    );

    // The worker's steps on the first batch of rows (the handler's rows stay queued, then are discarded).
    const rows: NonNullable<Awaited<ReturnType<typeof inboxRow>>>[] = [];
    stages.push(
      await stage("inbox read (inboxRow)", "worker", calls, async (i) => {
        const row = await inboxRow(db, ids[i] ?? 0);
        if (!row) throw new Error("profile: inbox row missing");
        rows.push(row);
      }),
    );
    const mapped = rows.map((r) => mapShopify(r.topic, r.payload));
    stages.push(
      await stage("mapShopify (lossless parse + zod)", "worker", calls, (i) => mapShopify(rows[i]?.topic ?? "", rows[i]?.payload ?? "")),
    );
    const now = new Date();
    stages.push(
      await stage("engine.apply (order.paid)", "worker", calls, async (i) => {
        const m = mapped[i];
        if (m?.kind !== "apply") throw new Error("profile: order not mapped to an apply");
        for (const input of m.inputs) {
          const r = await engine.apply(shop, input, now);
          if (!r.ok) throw new Error(`profile: apply failed: ${r.error.code} ${r.error.message}`);
        }
      }),
    );
    stages.push(await stage("settle (inbox → applied)", "worker", calls, (i) => settle(db, ids[i] ?? 0, "applied", null, now)));
    await db.deleteFrom("kinship_inbox").where("program_key", "=", shop).where("status", "=", "queued").execute();
    return stages;
  } finally {
    counter.restore();
    counter = null;
    await queue.close();
    await bull.close();
    await pgClient.end();
  }
}
