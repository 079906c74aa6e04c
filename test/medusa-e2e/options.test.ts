import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { call } from "./support/http.ts";
import { adminApi, eventually, outcomeOf, storefront } from "./support/kinship.ts";
import { cartFor, checkout, type Shopper, signUp } from "./support/shopper.ts";
import { openTestStore, type TestStore } from "./support/store.ts";

/**
 * The plugin's other options on a real Medusa store: `earnOn: "order.completed"` (points once the
 * merchant completes the order) and `reverseOn: "return"` (a received return takes back what its
 * lines earned; a payment refund then changes nothing, so the same money is never reversed twice).
 */
describe("Kinship in a Medusa store that earns on completion and reverses on returns", () => {
  let store: TestStore;
  let admin: ReturnType<typeof adminApi>;
  let bea: Shopper;
  let orderId: string;
  let paymentId: string;
  const tee = () => store.seed.products[0] as { id: string; variantId: string };
  const as = (token: string) => ({ token });

  beforeAll(async () => {
    const base = new URL(inject("databaseUrl"));
    base.pathname = "/postgres";
    store = await openTestStore(base.toString(), "options", {
      env: { KINSHIP_EARN_ON: "order.completed", KINSHIP_REVERSE_ON: "return" },
    });
    admin = adminApi(store);
  }, 600_000);
  afterAll(async () => {
    await store?.stop();
  });

  const pointsOf = async (shopper: Shopper) => (await storefront(store, shopper)("{ me { points { available } growth } }")).data.me;

  it("a placed order earns nothing until the merchant completes it; then its merchandise earns points and growth", async () => {
    bea = await signUp(store.url, store.seed, "bea@example.com");
    expect(await outcomeOf(store, `customer.created:${bea.customerId}`)).toBe("applied");
    const order = await checkout(
      store.url,
      store.seed,
      bea,
      await cartFor(store.url, store.seed, bea, [{ variantId: tee().variantId, quantity: 2 }]),
    );
    orderId = order.id;
    expect(order.total).toBe(210); // 2 × 100.00 + 10.00 shipping
    expect(await pointsOf(bea)).toEqual({ points: { available: 0 }, growth: 0 });

    // Capture the payment and ship both tees (a return needs fulfilled items), then complete the order.
    const { order: paid } = await call<{ order: { payment_collections: { payments: { id: string }[] }[] } }>(
      store.url,
      `/admin/orders/${orderId}?fields=id,payment_collections.payments.id`,
      as(store.adminToken),
    );
    paymentId = paid.payment_collections[0]?.payments[0]?.id as string;
    await call(store.url, `/admin/payments/${paymentId}/capture`, { ...as(store.adminToken), body: {} });
    const { order: placed } = await call<{ order: { items: { id: string; quantity: number }[] } }>(
      store.url,
      `/admin/orders/${orderId}?fields=id,items.id,items.quantity`,
      as(store.adminToken),
    );
    const line = placed.items[0] as { id: string; quantity: number };
    await call(store.url, `/admin/orders/${orderId}/fulfillments`, {
      ...as(store.adminToken),
      body: { items: [{ id: line.id, quantity: 2 }] },
    });
    await call(store.url, `/admin/orders/${orderId}/complete`, { ...as(store.adminToken), body: {} });
    expect(await outcomeOf(store, `order.completed:${orderId}`)).toBe("applied");
    expect(await pointsOf(bea)).toEqual({ points: { available: 200 }, growth: 200 });
  });

  it("a received return of one of the two tees takes back exactly its 100 points and growth; refunding its money afterwards changes nothing", async () => {
    const token = as(store.adminToken);
    const { order: shipped } = await call<{ order: { items: { id: string }[] } }>(
      store.url,
      `/admin/orders/${orderId}?fields=id,items.id`,
      token,
    );
    const itemId = (shipped.items[0] as { id: string }).id;
    const { return: ret } = await call<{ return: { id: string } }>(store.url, "/admin/returns", { ...token, body: { order_id: orderId } });
    await call(store.url, `/admin/returns/${ret.id}/request-items`, { ...token, body: { items: [{ id: itemId, quantity: 1 }] } });
    await call(store.url, `/admin/returns/${ret.id}/request`, { ...token, body: {} });
    await call(store.url, `/admin/returns/${ret.id}/receive`, { ...token, body: {} });
    await call(store.url, `/admin/returns/${ret.id}/receive-items`, { ...token, body: { items: [{ id: itemId, quantity: 1 }] } });
    await call(store.url, `/admin/returns/${ret.id}/receive/confirm`, { ...token, body: {} });

    expect(await outcomeOf(store, `return:${ret.id}`)).toBe("applied");
    await eventually("the return to be reversed", async () => ((await pointsOf(bea)).points.available === 100 ? true : undefined));
    expect(await pointsOf(bea)).toEqual({ points: { available: 100 }, growth: 100 });
    const { data } = await admin(`query O($id: ID!) { order(orderId: $id) { earned reversed growth } }`, { id: orderId });
    expect(data.order).toEqual({ earned: 200, reversed: 100, growth: 100 });

    // Redelivering the event is recognised by its key.
    await call(store.url, "/admin/test-events", {
      ...token,
      body: { name: "order.return_received", data: { order_id: orderId, return_id: ret.id } },
      expect: 202,
    });
    expect(await outcomeOf(store, `return:${ret.id}`, 2)).toBe("duplicate");

    // The merchant refunds the returned tee's money: with reverseOn "return" that is not a second reversal.
    await call(store.url, `/admin/payments/${paymentId}/refund`, { ...token, body: { amount: 100 } });
    await eventually("Medusa to process payment.refunded", async () =>
      store.log().includes("Processing payment.refunded") ? true : undefined,
    );
    expect(await pointsOf(bea)).toEqual({ points: { available: 100 }, growth: 100 });
    expect((await admin(`query O($id: ID!) { order(orderId: $id) { reversed } }`, { id: orderId })).data.order).toEqual({ reversed: 100 });
  });
});
