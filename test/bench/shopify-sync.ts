/**
 * Sync-back benchmark: `npm run bench:shopify-sync`.
 *
 * How much of a shop's Admin API rate limit the sync back to Shopify uses. Shopify is simulated
 * with msw (Shopify is unreachable from here): a leaky bucket of 2,000 points restoring 100/s, as
 * `extensions.cost.throttleStatus` reports it, 10 points per mutation, THROTTLED (HTTP 200) when a
 * call cannot be paid. The reference is the bucket's own restore rate, measured on the same clock:
 * the goal is at least 80% of it, with at most one THROTTLED answer a minute.
 *
 *   1. BENCH_SYNC_MEMBERS members (default 6,000) earn on a second order: their points change, so
 *      the sync sends metafields only (2 per member, 25 per call);
 *   2. BENCH_SYNC_TIER_MEMBERS of them (default 200) move up a tier: metafields and tier tags
 *      (tagsAdd + tagsRemove per member, 20 points).
 * Also: the same sync against an unlimited bucket, to show what bounds it (Kinship's own cost).
 * Creates its own database on loopback Postgres and drops it at the end. Prints a table, then one
 * JSON line. Exits 1 if the sync left rows behind or the simulated Shopify disagrees with the ledger.
 */
import { randomBytes } from "node:crypto";
import { setupServer } from "msw/node";
import { adminApi } from "../../plugin/app/src/shopify/admin-api.ts";
import { SHOPIFY_API_VERSION } from "../../plugin/app/src/shopify/api-version.ts";
import { ShopPacer } from "../../plugin/app/src/shopify/pacer.ts";
import { syncShop } from "../../plugin/app/src/shopify/sync/sync-shop.ts";
import { type Engine, openEngine } from "../../plugin/engine/src/index.ts";
import { simulatedShopifyAdmin } from "../support/shopify-admin-sim.ts";
import { adminQuery, adminUrl, databaseUrl, fmt, log, machineFacts, table } from "./support.ts";

const GOAL_SHARE_OF_RESTORE = 0.8;
const BUCKET = 2_000;
const RESTORE = 100;

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return n;
}

const members = envInt("BENCH_SYNC_MEMBERS", 6_000);
const tierMembers = Math.min(members, envInt("BENCH_SYNC_TIER_MEMBERS", 200));
const customerId = (i: number) => String(8_100_000_000_000n + BigInt(i));
const T0 = new Date("2026-12-01T10:00:00Z");

async function orders(engine: Engine, shop: string, round: number, count: number, amount: number): Promise<void> {
  let next = 0;
  const one = async () => {
    for (let i = next++; i < count; i = next++) {
      const r = await engine.apply(
        shop,
        {
          type: "order.paid",
          orderId: `o-${round}-${i}`,
          customerId: customerId(i),
          occurredAt: new Date(T0.getTime() + round * 60_000).toISOString(),
          currency: "USD",
          lines: [{ lineId: `l-${round}-${i}`, quantity: 1, unitPrice: amount }],
        },
        new Date(T0.getTime() + round * 60_000 + 1),
      );
      if (!r.ok) throw new Error(r.error.message);
    }
  };
  await Promise.all(Array.from({ length: 8 }, one));
}

interface Phase {
  name: string;
  members: number;
  seconds: number;
  calls: number;
  pointsSpent: number;
  /** Points taken from the bucket's starting content rather than its refill. */
  fromStart: number;
  /** Refill used per second, against the restore rate. */
  refillUsed: number;
  throttled: number;
}

async function runPhase(engine: Engine, shop: string, name: string, count: number, limited: boolean): Promise<Phase> {
  const sim = simulatedShopifyAdmin(
    shop,
    SHOPIFY_API_VERSION,
    limited ? { maximumAvailable: BUCKET, restoreRate: RESTORE } : { restoreRate: 1e9, maximumAvailable: 1e9 },
  );
  server.use(sim.handler);
  const api = adminApi({ shop, accessToken: "shpat_bench", apiVersion: SHOPIFY_API_VERSION, background: true, pacer: new ShopPacer() });
  const start = performance.now();
  const startLevel = sim.available();
  for (;;) {
    const r = await syncShop({ engine, program: shop, api, now: () => new Date(T0.getTime() + 3_600_000), budgetMs: 3_600_000 });
    if (r.synced + r.failed === 0) break;
    if (r.throttled) await new Promise((res) => setTimeout(res, 1_000));
  }
  const seconds = (performance.now() - start) / 1000;
  server.resetHandlers();
  const spent = sim.calls.filter((c) => !c.throttled).reduce((s, c) => s + c.cost, 0);
  const fromStart = Math.max(0, startLevel - sim.available());
  return {
    name,
    members: count,
    seconds,
    calls: sim.calls.length,
    pointsSpent: spent,
    fromStart,
    refillUsed: (spent - fromStart) / seconds,
    throttled: sim.calls.filter((c) => c.throttled).length,
  };
}

const server = setupServer();

async function main() {
  const admin = adminUrl();
  const name = `kinship_bench_sync_${Date.now()}`;
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  server.listen({ onUnhandledFrame: "error" });
  const engine = await openEngine({ databaseUrl: databaseUrl(admin, name), tokenKey: randomBytes(32).toString("hex"), max: 12 });
  const failures: string[] = [];
  try {
    const shop = "bench-sync.myshopify.com";
    const connected = await engine.shops.connect(shop, "shpat_bench", T0);
    if (!connected.ok) throw new Error(connected.error.message);
    log(`${members} members join…`);
    await orders(engine, shop, 0, members, 1000);
    // Joining is not what is measured: sent to an unlimited Shopify first.
    const unlimited = await runPhase(engine, shop, "join (unlimited bucket: Kinship's own cost)", members, false);
    log(`${members} members earn again (points only)…`);
    await orders(engine, shop, 1, members, 1000);
    const points = await runPhase(engine, shop, "points change (metafields)", members, true);
    log(`${tierMembers} members move up a tier…`);
    await orders(engine, shop, 2, tierMembers, 60_000);
    const tiers = await runPhase(engine, shop, "tier change (metafields + tags)", tierMembers, true);

    const left = await adminQuery(
      new URL(databaseUrl(admin, name)),
      "SELECT count(*)::int AS n FROM kinship_outbox WHERE delivered_at IS NULL",
    );
    if (left.rows[0].n !== 0) failures.push(`${left.rows[0].n} outbox rows left undelivered`);
    const phases = [unlimited, points, tiers];
    console.log(
      table(
        ["phase", "members", "s", "calls", "points", "from start", "refill used/s", "vs restore", "THROTTLED", "per min"],
        phases.map((p) => [
          p.name,
          fmt(p.members),
          fmt(p.seconds, 1),
          fmt(p.calls),
          fmt(p.pointsSpent),
          fmt(p.fromStart),
          p === unlimited ? "—" : fmt(p.refillUsed, 1),
          p === unlimited ? "—" : `${fmt((p.refillUsed / RESTORE) * 100, 0)}%`,
          fmt(p.throttled),
          fmt(p.throttled / (p.seconds / 60), 2),
        ]),
      ),
    );
    console.log(
      `members/s with no limit: ${fmt(unlimited.members / unlimited.seconds)}; the bucket allows ${fmt((RESTORE / 10) * 12.5)} members/s for points-only changes (12.5 members per 10-point call)`,
    );
    for (const p of [points, tiers]) {
      if (p.refillUsed / RESTORE < GOAL_SHARE_OF_RESTORE)
        failures.push(`${p.name}: used ${fmt((p.refillUsed / RESTORE) * 100)}% of the restore rate (goal ≥ 80%)`);
      if (p.throttled / Math.max(1, p.seconds / 60) > 1)
        failures.push(`${p.name}: ${p.throttled} THROTTLED answers in ${fmt(p.seconds, 1)} s`);
    }
    console.log(
      JSON.stringify({
        machine: machineFacts(),
        bucket: { maximum: BUCKET, restoreRate: RESTORE },
        phases,
        goal: GOAL_SHARE_OF_RESTORE,
        failures,
      }),
    );
    if (failures.length) {
      for (const f of failures) console.error(`FAIL ${f}`);
      process.exitCode = 1;
    }
  } finally {
    server.close();
    await engine.close();
    await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

await main();
