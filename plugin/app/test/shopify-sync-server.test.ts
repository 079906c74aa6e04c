import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_TOKEN_KEY } from "../../../test/support/engine-db.ts";
import { isolatedDatabase, waitFor } from "../../../test/support/isolated.ts";
import { simulatedShopifyAdmin } from "../../../test/support/shopify-admin-sim.ts";
import { type RunningApp, startApp } from "../src/main.ts";
import { SHOPIFY_API_VERSION } from "../src/shopify/api-version.ts";

const DAY = 86_400_000;
const SHOP = `sync-server-${process.pid}.myshopify.com`;
const CUSTOMER = "7602385453215";

describe("the sync back to Shopify in the server (npm start), with no command run", () => {
  const mock = setupServer();
  const sim = simulatedShopifyAdmin(SHOP, SHOPIFY_API_VERSION, { restoreRate: 1_000_000 });
  let database: { url: string; drop(): Promise<void> };
  let running: RunningApp;
  let now = new Date("2026-03-01T12:00:00Z");

  beforeAll(async () => {
    mock.listen({ onUnhandledFrame: "bypass" });
    mock.use(sim.handler);
    database = await isolatedDatabase("app_sync");
    running = await startApp(
      {
        DATABASE_URL: database.url,
        PORT: "0",
        LOG_LEVEL: "silent",
        KINSHIP_TOKEN_KEY: TEST_TOKEN_KEY,
        KINSHIP_MAINTAIN_EVERY_MS: "100",
        KINSHIP_SYNC_EVERY_MS: "100",
      },
      { now: () => now },
    );
    // A custom app's shop (its token does not expire), then its program's rules.
    const connected = await running.engine.shops.connect(SHOP, "shpat_server", now);
    if (!connected.ok) throw new Error(connected.error.message);
    const program = await running.engine.program(SHOP);
    if (!program.ok) throw new Error(program.error.message);
    const updated = await running.engine.updateConfig(SHOP, { ...program.value.config, pendingDays: 14 }, "test", now);
    if (!updated.ok) throw new Error(updated.error.message);
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
    mock.close();
  });

  const shown = () => {
    const c = sim.customers.get(CUSTOMER);
    return c ? { tier: c.metafields.get("$app.tier")?.value, points: c.metafields.get("$app.points")?.value, tags: [...c.tags] } : null;
  };

  it("a new member's tier reaches Shopify; their points follow when the clock matures them", async () => {
    const applied = await running.engine.apply(
      SHOP,
      {
        type: "order.paid",
        orderId: "o-1",
        customerId: CUSTOMER,
        occurredAt: now.toISOString(),
        currency: "USD",
        lines: [{ lineId: "l-1", quantity: 1, unitPrice: 12_000 }],
      },
      now,
    );
    expect(applied.ok).toBe(true);
    await waitFor("the member to reach Shopify", async () => (shown()?.tags.length ? true : null), 10_000, 50);
    expect(shown()).toEqual({ tier: "member", points: "0", tags: ["kinship-member"] });

    now = new Date(now.getTime() + 15 * DAY);
    await waitFor("the matured points to reach Shopify", async () => (shown()?.points === "120" ? true : null), 10_000, 50);
    expect(shown()).toEqual({ tier: "member", points: "120", tags: ["kinship-member"] });
  });
});
