import { signCustomEvent } from "@kinship/webhooks/signing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { call } from "./support/http.ts";
import { adminApi, eventually, outcomeOf, storefront } from "./support/kinship.ts";
import { cartFor, checkout, type Shopper, signUp } from "./support/shopper.ts";
import { openTestStore, type TestStore } from "./support/store.ts";

/**
 * @kinship/medusa in a real Medusa store selling in two regions (USD, and EUR at the owner's rate),
 * taking signed custom events on its own route, and answering referral links.
 */
describe("Kinship in a Medusa store with a second currency, custom events and referral links", () => {
  let store: TestStore;
  let admin: ReturnType<typeof adminApi>;
  let cleo: Shopper;
  let secret: string;
  const tee = () => store.seed.products[0] as { id: string; variantId: string };

  beforeAll(async () => {
    const base = new URL(inject("databaseUrl"));
    base.pathname = "/postgres";
    store = await openTestStore(base.toString(), "currencies");
    admin = adminApi(store);
  }, 600_000);
  afterAll(async () => {
    await store?.stop();
  });

  const me = async (shopper: Shopper) => (await storefront(store, shopper)("{ me { points { available } growth } referralLink }")).data;

  it("an order in the German region (EUR at 1.08) earns on its merchandise converted: 90.00 EUR → 97.20 USD → 97 points", async () => {
    const { data } = await admin("{ program { config } }");
    const config = {
      ...data.program.config,
      currencies: { EUR: { rate: "1.08", memberPrices: true } },
      rules: [
        ...data.program.config.rules,
        { id: "review", name: "Review", trigger: "custom:review.created", reward: { points: { fixed: 50 } } },
      ],
    };
    expect(await admin("mutation U($c: JSON!) { updateProgram(config: $c) { version } }", { c: config })).toEqual({
      data: { updateProgram: { version: 2 } },
    });
    cleo = await signUp(store.url, store.seed, "cleo@example.com");
    expect(await outcomeOf(store, `customer.created:${cleo.customerId}`)).toBe("applied");
    const cart = await cartFor(store.url, store.seed, cleo, [{ variantId: tee().variantId, quantity: 1 }], {
      regionId: store.seed.euRegionId,
      country: "de",
      metadata: { kinship_ref: "friend-code", kinship_device: "device-1" },
    });
    const order = await checkout(store.url, store.seed, cleo, cart);
    expect(order.total).toBe(99); // 90.00 EUR tee + 9.00 EUR shipping
    expect(await outcomeOf(store, `order.placed:${order.id}`)).toBe("applied");
    expect((await me(cleo)).me).toEqual({ points: { available: 97 }, growth: 97 });
    const { data: earned } = await admin(`query O($id: ID!) { order(orderId: $id) { earned growth } }`, { id: order.id });
    expect(earned.order).toEqual({ earned: 97, growth: 97 });
    // Kinship's events reach the project's own subscribers on Medusa's event bus, once each.
    const seen = await eventually("kinship.points.earned on the event bus", async () => {
      const lines = store.log().match(new RegExp(`test subscriber: kinship\\.points\\.earned ${cleo.customerId} \\d+ .*`, "g"));
      return lines ?? undefined;
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain('"points":97');
    // The program exists now (the plugin creates it on first use): its secret signs custom events.
    const db = new pg.Client({ connectionString: store.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query("SELECT webhook_secret FROM kinship_program WHERE key = $1", ["kinship-test-store"]);
      secret = rows[0].webhook_secret;
    } finally {
      await db.end();
    }
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
  });

  const send = async (body: string, headers: Record<string, string>) => {
    const res = await fetch(`${store.url}/hooks/kinship/events`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });
    return { status: res.status, body: (await res.json()) as { ok: boolean; outcome: string } };
  };
  const review = (id: string) =>
    JSON.stringify({
      id,
      name: "review.created",
      customerId: cleo.customerId,
      occurredAt: new Date().toISOString(),
      payload: { stars: 5 },
    });
  const signed = (body: string, key = secret) => {
    const ts = Math.floor(Date.now() / 1000);
    return { "x-kinship-timestamp": String(ts), "x-kinship-signature": signCustomEvent(key, ts, body) };
  };

  it("a signed custom event through the plugin's route applies once, even sent twice", async () => {
    const body = review("rev_1");
    expect(await send(body, signed(body))).toEqual({ status: 200, body: { ok: true, outcome: "applied" } });
    expect(await send(body, { ...signed(body), "x-kinship-program": "kinship-test-store" })).toEqual({
      status: 200,
      body: { ok: true, outcome: "duplicate" },
    });
    expect((await me(cleo)).me).toEqual({ points: { available: 147 }, growth: 97 });
  });

  it("a bad signature, another program or a stale timestamp gets 401 and nothing is applied; a malformed event gets 400", async () => {
    const body = review("rev_2");
    const forged = await send(body, signed(body, "not-the-secret"));
    expect(forged).toMatchObject({ status: 401, body: { ok: false, outcome: "unauthorized" } });
    expect((await send(body, { ...signed(body), "x-kinship-program": "another-store" })).status).toBe(401);
    const old = Math.floor(Date.now() / 1000) - 3600;
    expect(
      (await send(body, { "x-kinship-timestamp": String(old), "x-kinship-signature": signCustomEvent(secret, old, body) })).status,
    ).toBe(401);
    expect((await send(body, {})).status).toBe(401);
    const bad = JSON.stringify({ id: "rev_3", name: "review.created", customerId: 7, occurredAt: new Date().toISOString() });
    expect(await send(bad, signed(bad))).toMatchObject({ status: 400, body: { ok: false, outcome: "invalid" } });
    expect((await me(cleo)).me).toEqual({ points: { available: 147 }, growth: 97 });
    // The forged event was never stored: sent again properly, it applies.
    expect((await send(body, signed(body))).body.outcome).toBe("applied");
    await eventually("the second review", async () => ((await me(cleo)).me.points.available === 197 ? true : undefined));
  });

  it("a project's own code applies a custom event through applyKinshipEventWorkflow, once per id", async () => {
    const visit = { id: "pos_review_1", name: "review.created", customerId: cleo.customerId, occurredAt: new Date().toISOString() };
    const run = () => call<{ outcome: string }>(store.url, "/admin/test-kinship-event", { token: store.adminToken, body: visit });
    expect(await run()).toEqual({ outcome: "applied" });
    expect(await run()).toEqual({ outcome: "duplicate" });
    expect((await me(cleo)).me.points.available).toBe(247);
  });

  it("referralLink answers the storefront address with the member's code; a guest gets none", async () => {
    const link = (await me(cleo)).referralLink as string;
    expect(link).toMatch(/^https:\/\/shop\.example\.com\/\?ref=[A-Za-z0-9_-]+$/);
    expect((await me(cleo)).referralLink).toBe(link);
    expect((await storefront(store, null)("{ referralLink }")).data.referralLink).toBeNull();
  });

  it("deleting the customer in Medusa's admin erases them from Kinship as customers/redact does on Shopify", async () => {
    const made = await admin(
      'mutation E($c: ID!) { exportMemberData(customerId: $c, idempotencyKey: "before-delete") { id customerId } }',
      {
        c: cleo.customerId,
      },
    );
    expect(made.data.exportMemberData.customerId).toBe(cleo.customerId);
    await call(store.url, `/admin/customers/${cleo.customerId}`, { method: "DELETE", token: store.adminToken });
    expect(await outcomeOf(store, `customer.deleted:${cleo.customerId}`)).toBe("applied");
    const after = await admin("query M($c: ID!) { member(customerId: $c) { customerId } dataExports(customerId: $c) { id } }", {
      c: cleo.customerId,
    });
    expect(after.data).toEqual({ member: null, dataExports: [] });
    const db = new pg.Client({ connectionString: store.databaseUrl });
    await db.connect();
    try {
      const named = await db.query("SELECT count(*)::int AS n FROM kinship_member WHERE customer_id = $1", [cleo.customerId]);
      expect(named.rows[0].n).toBe(0);
      // The ledger stays (finance sums it) under an opaque id with an empty profile: 247 points, no person.
      const kept = await db.query(
        `SELECT m.customer_id, m.profile, m.available, count(e.id)::int AS entries FROM kinship_member m
         JOIN kinship_entry e ON e.member_id = m.id WHERE m.customer_id LIKE 'redacted:%' GROUP BY m.id`,
      );
      expect(kept.rows).toEqual([
        { customer_id: expect.stringMatching(/^redacted:/), profile: {}, available: "247", entries: expect.any(Number) },
      ]);
      expect(kept.rows[0].entries).toBeGreaterThanOrEqual(4);
      const exports = await db.query("SELECT count(*)::int AS n FROM kinship_data_export WHERE customer_id = $1", [cleo.customerId]);
      expect(exports.rows[0].n).toBe(0);
    } finally {
      await db.end();
    }
  });
});
