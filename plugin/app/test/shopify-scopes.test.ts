import { deadLetters } from "@kinship/engine/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../test/support/engine-db.ts";
import { sessionToken } from "./api-support.ts";
import { deliver, drained, type Harness, newShop, startHarness } from "./support.ts";

/** app/scopes_update through the real pipeline: signed delivery, intake, bull on Redis, the worker, the engine; then the app home's status. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness("app_scopes");
});
afterAll(async () => {
  await h.close();
});

const ALL = ["read_customers", "read_orders", "read_products", "write_customers", "write_discounts"];
const body = (current: string[], updatedAt: string, previous: string[] = ALL) =>
  JSON.stringify({ id: 1234567, shop_id: 548380009, previous, current, updated_at: updatedAt });

async function status(shop: string) {
  const res = await fetch(`${h.url}/app/session`, { method: "POST", headers: { authorization: `Bearer ${await sessionToken(shop)}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

async function inbox(shop: string) {
  return dbOf(h.engine)
    .selectFrom("kinship_inbox")
    .select(["topic", "status", "last_error as note"])
    .where("program_key", "=", shop)
    .orderBy("id")
    .execute();
}

describe("app/scopes_update", () => {
  it("records the shop's grant; a lost scope shows in the app home's status, and its return clears it", async () => {
    const shop = await newShop(h.engine, "scopes");
    // A custom app's shop (no grant recorded): nothing to compare, no problem shown.
    expect((await status(shop)).scopesProblem).toBeUndefined();

    const lost = ["read_customers", "read_orders", "write_discounts"];
    expect((await deliver(h.url, shop, "app/scopes_update", body(lost, "2026-12-01T10:00:00-05:00"))).status).toBe(200);
    await drained(h.engine, shop);
    expect(await h.engine.shops.scopes(shop)).toEqual({ granted: lost, at: new Date("2026-12-01T15:00:00Z") });
    expect((await status(shop)).scopesProblem).toEqual({
      missing: ["read_products", "write_customers"],
      message:
        "Kinship does not have the access it needs: read_products (the catalog), write_customers (tier and points written back to customers). Approve Kinship's requested access in the Shopify admin (or reinstall it) so those features work.",
    });

    // write_customers includes read_customers: a grant listing only the write scope lacks nothing.
    const back = ["read_orders", "read_products", "write_customers", "write_discounts"];
    await deliver(h.url, shop, "app/scopes_update", body(back, "2026-12-02T10:00:00Z", lost));
    await drained(h.engine, shop);
    expect(await h.engine.shops.scopes(shop)).toMatchObject({ granted: back });
    expect((await status(shop)).scopesProblem).toBeUndefined();
    expect((await inbox(shop)).map((r) => r.status)).toEqual(["applied", "applied"]);
  });

  it("a stale delivery (older updated_at than the one recorded) changes nothing and is settled as ignored", async () => {
    const shop = await newShop(h.engine, "stale");
    await deliver(h.url, shop, "app/scopes_update", body(ALL, "2026-12-03T12:00:00Z", ["read_orders"]));
    await drained(h.engine, shop);
    // Shopify's earlier change arrives late.
    await deliver(h.url, shop, "app/scopes_update", body(["read_orders"], "2026-12-03T11:00:00Z"));
    await drained(h.engine, shop);
    expect(await h.engine.shops.scopes(shop)).toEqual({ granted: ALL, at: new Date("2026-12-03T12:00:00Z") });
    expect((await status(shop)).scopesProblem).toBeUndefined();
    expect(await inbox(shop)).toEqual([
      { topic: "app/scopes_update", status: "applied", note: null },
      { topic: "app/scopes_update", status: "ignored", note: "scopes as of 2026-12-03T11:00:00Z not recorded: a later grant is" },
    ]);
  });

  it("a payload that cannot be read becomes a dead letter naming the field; the recorded grant stays", async () => {
    const shop = await newShop(h.engine, "poison");
    await deliver(h.url, shop, "app/scopes_update", body(ALL, "2026-12-04T00:00:00Z"));
    await drained(h.engine, shop);
    const poison = JSON.stringify({ current: "read_orders", updated_at: "2026-12-05T00:00:00Z" });
    expect((await deliver(h.url, shop, "app/scopes_update", poison)).status).toBe(200);
    const start = Date.now();
    while ((await deadLetters(dbOf(h.engine), shop)).length === 0 && Date.now() - start < 15_000)
      await new Promise((r) => setTimeout(r, 100));
    const dead = await deadLetters(dbOf(h.engine), shop);
    expect(dead).toHaveLength(1);
    expect(dead[0]?.lastError).toMatch(/MappingError: shopify app\/scopes_update: current: /);
    expect(await h.engine.shops.scopes(shop)).toMatchObject({ granted: ALL });
  });
});
