import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../test/support/engine-db.ts";
import { shopifyHeaders } from "../../../test/support/shopify-webhook.ts";
import { deliver, drained, fixture, type Harness, newShop, SECRET, startHarness } from "./support.ts";

const CUSTOMER = "115310627314723954";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("app_shopify");
});
afterAll(async () => {
  await h.close();
});

async function inboxCount(program: string): Promise<number> {
  const row = await dbOf(h.engine)
    .selectFrom("kinship_inbox")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("program_key", "=", program)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function points(shop: string, customerId = CUSTOMER) {
  const m = await h.engine.member(shop, customerId, new Date());
  if (!m.ok) throw new Error(m.error.message);
  return { available: m.value.points.available, pending: m.value.points.pending, growth: m.value.lifetimeGrowth };
}

describe("Shopify webhooks over HTTP", () => {
  const stream = () => [
    { topic: "customers/create", body: fixture("customers-create.json").replaceAll("706405506930370084", CUSTOMER), id: randomUUID() },
    { topic: "orders/paid", body: fixture("orders-paid-customer.json"), id: randomUUID() },
    { topic: "refunds/create", body: fixture("refunds-create.json"), id: randomUUID() },
    { topic: "customers/update", body: fixture("customers-update.json"), id: randomUUID() },
  ];

  it("signed deliveries, duplicated and in any order, give the same balances as in order", async () => {
    const inOrder = await newShop(h.engine, "in-order");
    const shuffled = await newShop(h.engine, "shuffled");
    const events = stream();
    for (const e of events) expect((await deliver(h.url, inOrder, e.topic, e.body, e.id)).status).toBe(200);
    const [created, paid, refund] = events as [(typeof events)[0], (typeof events)[0], (typeof events)[0]];
    const deliveries = [...events, refund, paid, refund, created].reverse();
    const answers = await Promise.all(deliveries.map((e) => deliver(h.url, shuffled, e.topic, e.body, e.id)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    await drained(h.engine, inOrder);
    await drained(h.engine, shuffled);

    const expected = await points(inOrder);
    // 380.97 after discounts → 380 points; the refund takes back the refunded lines' share.
    expect(expected.available + expected.pending).toBeLessThan(380);
    expect(expected.available).toBeGreaterThan(0);
    expect(await points(shuffled)).toEqual(expected);
    expect(await inboxCount(shuffled)).toBe(events.length);
    expect(await h.engine.verify(inOrder)).toEqual([]);
    expect(await h.engine.verify(shuffled)).toEqual([]);
  });

  it("64-bit ids survive intact from the raw body to the ledger", async () => {
    const shop = await newShop(h.engine, "ids");
    await deliver(h.url, shop, "orders/paid", fixture("orders-paid-customer.json"));
    await drained(h.engine, shop);
    const ledger = await h.engine.members.ledger(shop, CUSTOMER);
    expect(ledger.ok && ledger.value.map((l) => l.orderId)).toContain("820982911946154508");
    const wrong = await h.engine.member(shop, "115310627314723950", new Date());
    expect(wrong.ok).toBe(false);
  });

  it("an order cancelled after payment gives everything back", async () => {
    const shop = await newShop(h.engine, "cancel");
    await deliver(h.url, shop, "orders/paid", fixture("orders-paid-customer.json"));
    await deliver(
      h.url,
      shop,
      "orders/cancelled",
      fixture("orders-paid-customer.json").replace('"cancelled_at": null', '"cancelled_at": "2026-11-20T10:00:00-05:00"'),
    );
    await drained(h.engine, shop);
    expect(await points(shop)).toEqual({ available: 0, pending: 0, growth: 0 });
  });
});

describe("bad input at the Shopify endpoint", () => {
  it("forged or missing HMAC → 401 and nothing stored", async () => {
    const shop = await newShop(h.engine, "forged");
    const body = fixture("orders-paid-customer.json");
    expect((await deliver(h.url, shop, "orders/paid", body, undefined, "not-the-secret")).status).toBe(401);
    const res = await fetch(`${h.url}/webhooks/shopify`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-shopify-topic": "orders/paid", "x-shopify-shop-domain": shop },
      body,
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toBe("webhook rejected: missing_hmac");
    // Signed, but without the headers that say what it is: refused, naming them.
    const { "x-shopify-topic": _t, "x-shopify-webhook-id": _w, ...headless } = shopifyHeaders(SECRET, shop, "orders/paid", body);
    const partial = await fetch(`${h.url}/webhooks/shopify`, { method: "POST", headers: headless, body });
    expect(partial.status).toBe(401);
    expect(((await partial.json()) as { error: string }).error).toBe(
      "webhook rejected: missing_headers (X-Shopify-Topic, X-Shopify-Webhook-Id)",
    );
    expect((await deliver(h.url, shop, "customers/redact", fixture("customers-redact.json"), undefined, "forged")).status).toBe(401);
    expect(await inboxCount(shop)).toBe(0);
  });

  it("a body signed correctly but not JSON → 400", async () => {
    const shop = await newShop(h.engine, "garbage");
    expect((await deliver(h.url, shop, "orders/paid", "{not json")).status).toBe(400);
    expect(await inboxCount(shop)).toBe(0);
  });

  it("a body over 1 MB → 413", async () => {
    const shop = await newShop(h.engine, "big");
    const body = JSON.stringify({ padding: "x".repeat(1024 * 1024 + 10) });
    expect((await deliver(h.url, shop, "orders/paid", body)).status).toBe(413);
    expect(await inboxCount(shop)).toBe(0);
  });

  it("an unknown topic → 200, ignored; an unknown shop → 200, dropped", async () => {
    const shop = await newShop(h.engine, "topics");
    const ignored = await deliver(h.url, shop, "inventory_levels/update", "{}");
    expect(ignored).toMatchObject({ status: 200, body: { outcome: expect.stringMatching(/ignored/) } });
    const dropped = await deliver(h.url, "nobody-here.myshopify.com", "orders/paid", fixture("orders-paid-customer.json"));
    expect(dropped).toMatchObject({ status: 200, body: { outcome: expect.stringMatching(/unknown shop/) } });
    expect(await inboxCount(shop)).toBe(0);
    expect(await inboxCount("nobody-here.myshopify.com")).toBe(0);
  });

  it("after app/uninstalled, orders are dropped but compliance topics still count", async () => {
    const shop = await newShop(h.engine, "uninstall");
    await deliver(h.url, shop, "orders/paid", fixture("orders-paid-customer.json"));
    await deliver(h.url, shop, "app/uninstalled", JSON.stringify({ id: 1, domain: shop }));
    await drained(h.engine, shop);
    await new Promise((r) => setTimeout(r, 5_100));
    const dropped = await deliver(
      h.url,
      shop,
      "orders/paid",
      fixture("orders-paid-customer.json").replace("820982911946154508", "820982911946154599"),
    );
    expect(dropped.body.outcome).toMatch(/uninstalled/);
    const redact = await deliver(h.url, shop, "customers/redact", fixture("customers-redact.json").replace("191167", CUSTOMER));
    expect(redact.body.outcome).toBe("queued");
  });
});

describe("compliance topics", () => {
  it("customers/data_request produces the member's export; customers/redact erases the person, keeps the totals", async () => {
    const shop = await newShop(h.engine, "gdpr");
    await deliver(h.url, shop, "customers/create", fixture("customers-create.json").replaceAll("706405506930370084", CUSTOMER));
    await deliver(h.url, shop, "orders/paid", fixture("orders-paid-customer.json"));
    await drained(h.engine, shop);
    const before = await points(shop);

    await deliver(h.url, shop, "customers/data_request", fixture("customers-data-request.json").replace("191167", CUSTOMER));
    await drained(h.engine, shop);
    const exported = await dbOf(h.engine)
      .selectFrom("kinship_data_export")
      .select(["customer_id", "export", "request_ref"])
      .where("customer_id", "=", CUSTOMER)
      .execute();
    expect(exported).toHaveLength(1);
    expect(exported[0]?.request_ref).toBe("9999");
    expect(JSON.stringify(exported[0]?.export)).toContain("820982911946154508");

    await deliver(h.url, shop, "customers/redact", fixture("customers-redact.json").replace("191167", CUSTOMER));
    await drained(h.engine, shop);
    expect((await h.engine.member(shop, CUSTOMER, new Date())).ok).toBe(false);
    const rows = await dbOf(h.engine)
      .selectFrom("kinship_member")
      .innerJoin("kinship_program", "kinship_program.id", "kinship_member.program_id")
      .select(["customer_id", "profile", "available"])
      .where("kinship_program.key", "=", shop)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.customer_id).toMatch(/^redacted:/);
    expect(rows[0]?.profile).toEqual({});
    expect(Number(rows[0]?.available)).toBe(before.available);
    expect(
      JSON.stringify(await dbOf(h.engine).selectFrom("kinship_data_export").selectAll().where("customer_id", "=", CUSTOMER).execute()),
    ).toBe("[]");
    expect(await h.engine.verify(shop)).toEqual([]);
  });

  it("shop/redact erases the shop", async () => {
    const shop = await newShop(h.engine, "erase");
    await deliver(h.url, shop, "orders/paid", fixture("orders-paid-customer.json"));
    await drained(h.engine, shop);
    await deliver(h.url, shop, "shop/redact", fixture("shop-redact.json").replace("{shop}.myshopify.com", shop));
    const start = Date.now();
    while ((await h.engine.program(shop)).ok && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 50));
    expect(await h.engine.program(shop)).toMatchObject({ ok: false, error: { code: "UnknownProgram" } });
    expect(await inboxCount(shop)).toBe(0);
  });
});

describe("health", () => {
  it("/healthz and /readyz", async () => {
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, database: true, queue: true });
  });
});
