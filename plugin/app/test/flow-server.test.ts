import { HttpResponse } from "msw";
import { graphql } from "msw/graphql";
import { setupServer } from "msw/node";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_TOKEN_KEY } from "../../../test/support/engine-db.ts";
import { isolatedDatabase, waitFor } from "../../../test/support/isolated.ts";
import { type RunningApp, startApp } from "../src/main.ts";
import { SHOPIFY_API_VERSION } from "../src/shopify/api-version.ts";

const SHOP = `flow-server-${process.pid}.myshopify.com`;
const CUSTOMER = "7602385453299";

describe("Flow triggers from the server (npm start), with no command run", () => {
  const mock = setupServer();
  const received: { handle: string; payload: Record<string, unknown> }[] = [];
  let database: { url: string; drop(): Promise<void> };
  let running: RunningApp;
  const now = new Date("2026-12-05T12:00:00Z");

  beforeAll(async () => {
    mock.listen({ onUnhandledFrame: "bypass" });
    const link = graphql.link(`https://${SHOP}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`);
    mock.use(
      link.mutation("KinshipFlowTrigger", ({ variables }) => {
        received.push({ handle: String(variables.handle), payload: variables.payload as Record<string, unknown> });
        return HttpResponse.json({ data: { flowTriggerReceive: { userErrors: [] } } });
      }),
      // The sync back to Shopify runs in the same worker: its calls succeed and are not this test's.
      link.operation(() => HttpResponse.json({ data: { metafieldsSet: { userErrors: [] } } })),
    );
    database = await isolatedDatabase("app_flow");
    running = await startApp(
      { DATABASE_URL: database.url, PORT: "0", LOG_LEVEL: "silent", KINSHIP_TOKEN_KEY: TEST_TOKEN_KEY, KINSHIP_FLOW_EVERY_MS: "100" },
      { now: () => now },
    );
    const connected = await running.engine.shops.connect(SHOP, "shpat_server", now);
    if (!connected.ok) throw new Error(connected.error.message);
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
    mock.close();
  });

  it("an installed shop gets its Flow sink, and a member's order reaches Flow as a points-earned trigger", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await waitFor("the shop's Flow sink", async () => {
        const r = await client.query("SELECT 1 FROM kinship_event_sink WHERE kind = 'flow'");
        return r.rowCount === 1 ? true : null;
      });
    } finally {
      await client.end();
    }
    const applied = await running.engine.apply(
      SHOP,
      {
        type: "order.paid",
        orderId: "o-flow-1",
        customerId: CUSTOMER,
        occurredAt: now.toISOString(),
        currency: "USD",
        lines: [{ lineId: "l-1", quantity: 1, unitPrice: 12_000 }],
      },
      now,
    );
    expect(applied.ok).toBe(true);
    const earned = await waitFor(
      "the trigger to reach Flow",
      async () => received.find((r) => r.handle === "points-earned") ?? null,
      15_000,
      50,
    );
    expect(earned.payload).toMatchObject({ customer_id: Number(CUSTOMER), "Order id": "o-flow-1" });
  });
});
