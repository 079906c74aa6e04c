import { readFileSync } from "node:fs";
import type { Engine } from "@kinship/engine";
import { connectShop, findShop, inboxRow, tokenCipher } from "@kinship/engine/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueProgramKey } from "../../../plugin/engine/test/support/backends.ts";
import { dbOf, openEngineOwningDb, TEST_TOKEN_KEY } from "../../../test/support/engine-db.ts";
import { mapCustom, mapShopify } from "../../src/mappers/index.ts";
import { type DeliveryDeps, DeliveryFailed, processDelivery } from "../../src/worker/deliver.ts";
import { balance, customBody, isolatedDatabase, receiveCustom, receiveShopify, shopifyOrderBody } from "./support.ts";

let db: { url: string; drop(): Promise<void> };
let engine: Engine;
let deps: DeliveryDeps;
const first = { number: 1, final: false };

beforeAll(async () => {
  db = await isolatedDatabase("process");
  engine = await openEngineOwningDb({ databaseUrl: db.url, max: 4 });
  deps = { engine, mapShopify, mapCustom, now: () => new Date() };
});

afterAll(async () => {
  await engine?.close();
  await db?.drop();
});

function fixture(name: string, shop: string): string {
  return readFileSync(new URL(`../../../test/fixtures/shopify/${name}.json`, import.meta.url), "utf8").replaceAll(
    "{shop}.myshopify.com",
    shop,
  );
}

async function installedShop(): Promise<string> {
  const shop = uniqueProgramKey("pd");
  const r = await connectShop(dbOf(engine), shop, "shpat_test", new Date(), "USD", tokenCipher(TEST_TOKEN_KEY));
  if (!r.ok) throw new Error(r.error.message);
  return shop;
}

describe("processDelivery", () => {
  it("carries out compliance topics: export, redact (also of a non-member), uninstall, shop erasure", async () => {
    const shop = await installedShop();
    const dbh = dbOf(engine);
    const order = await receiveShopify(
      engine,
      shop,
      "orders/paid",
      shopifyOrderBody({ orderId: "299938", customerId: "191167", dollars: 30 }),
      "e1",
    );
    expect(await processDelivery(deps, order.id, first)).toBe("applied");
    expect(await balance(engine, shop, "191167")).toBe(30);
    expect(await processDelivery(deps, order.id, first)).toBe("skipped");

    const request = await receiveShopify(engine, shop, "customers/data_request", fixture("customers-data-request", shop), "e2");
    expect(await processDelivery(deps, request.id, first)).toBe("applied");
    const exports = await dbh.selectFrom("kinship_data_export").select(["customer_id", "request_ref"]).execute();
    expect(exports).toContainEqual({ customer_id: "191167", request_ref: "9999" });

    const stranger = await receiveShopify(
      engine,
      shop,
      "customers/data_request",
      fixture("customers-data-request", shop).replace("191167", "555"),
      "e3",
    );
    expect(await processDelivery(deps, stranger.id, first)).toBe("ignored");
    expect((await inboxRow(dbh, stranger.id))?.lastError).toMatch(/nothing to export/);

    const redact = await receiveShopify(engine, shop, "customers/redact", fixture("customers-redact", shop), "e4");
    expect(await processDelivery(deps, redact.id, first)).toBe("applied");
    expect((await engine.member(shop, "191167", new Date())).ok).toBe(false);
    const again = await receiveShopify(engine, shop, "customers/redact", fixture("customers-redact", shop), "e5");
    expect(await processDelivery(deps, again.id, first)).toBe("applied");
    expect(await inboxRow(dbh, again.id)).toMatchObject({ status: "applied", lastError: expect.stringMatching(/nothing to erase/) });

    const unused = await receiveShopify(engine, shop, "inventory_levels/update", "{}", "e6");
    expect(await processDelivery(deps, unused.id, first)).toBe("ignored");

    const uninstall = await receiveShopify(engine, shop, "app/uninstalled", `{"id":1,"domain":"${shop}"}`, "e7");
    expect(await processDelivery(deps, uninstall.id, first)).toBe("applied");
    expect(await findShop(dbh, shop)).toMatchObject({ installed: false, accessToken: null });

    const late = await receiveCustom(engine, shop, customBody({ id: "late", customerId: "x" }), "late");
    const erase = await receiveShopify(engine, shop, "shop/redact", fixture("shop-redact", shop), "e8");
    expect(await processDelivery(deps, erase.id, first)).toBe("applied");
    expect((await engine.program(shop)).ok).toBe(false);
    // The erasure took the shop's inbox rows with it, including one still waiting.
    expect(await inboxRow(dbh, late.id)).toBeNull();
    expect(await processDelivery(deps, late.id, first)).toBe("skipped");
  });

  it("ignores a delivery whose program is gone", async () => {
    const orphan = await receiveCustom(engine, uniqueProgramKey("gone"), customBody({ id: "o1", customerId: "c" }), "o1");
    expect(await processDelivery(deps, orphan.id, first)).toBe("ignored");
    expect(await inboxRow(dbOf(engine), orphan.id)).toMatchObject({
      status: "ignored",
      lastError: expect.stringMatching(/^UnknownProgram/),
    });
  });

  it("records a failed attempt and stays queued; the final failure makes it dead", async () => {
    const shop = await installedShop();
    const dbh = dbOf(engine);
    const bad = await receiveCustom(
      engine,
      shop,
      '{"id":"b1","name":"Bad Name","customerId":"c","occurredAt":"2026-01-01T00:00:00Z"}',
      "b1",
    );
    const failure = await processDelivery(deps, bad.id, first).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeliveryFailed);
    expect(failure).toMatchObject({ final: false, inboxId: bad.id });
    expect(await inboxRow(dbh, bad.id)).toMatchObject({
      status: "queued",
      attempts: 1,
      lastError: expect.stringMatching(/^MappingError: .*name/),
    });
    await expect(processDelivery(deps, bad.id, { number: 2, final: true })).rejects.toMatchObject({ final: true });
    expect(await inboxRow(dbh, bad.id)).toMatchObject({ status: "dead", attempts: 2, payload: expect.stringContaining("Bad Name") });
    expect(await processDelivery(deps, bad.id, { number: 3, final: true })).toBe("skipped");
  });
});
