import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ARTIFACTS, launchChromium, seriousViolations } from "../browser/support.ts";
import * as fixture from "../support/program-fixture.ts";
import { signedInAdmin } from "./support/admin.ts";
import { call } from "./support/http.ts";
import { adminApi, eventually, outcomeOf, storefront } from "./support/kinship.ts";
import { cartFor, checkout, type Shopper, signUp } from "./support/shopper.ts";
import { ADMIN, openTestStore, type TestStore } from "./support/store.ts";

/**
 * @kinship/medusa inside a real Medusa 2.x store (test/medusa, `medusa start`, real Postgres):
 * shoppers sign up and check out through Medusa's Store API, the owner refunds through the Admin API,
 * and Kinship's subscribers, price lists, customer groups and promotions do the rest.
 */
describe("Kinship in a real Medusa store", () => {
  let store: TestStore;
  let admin: ReturnType<typeof adminApi>;
  let ada: Shopper;
  let firstOrder: string;
  const tee = () => store.seed.products[0] as { id: string; variantId: string };

  beforeAll(async () => {
    const base = new URL(inject("databaseUrl"));
    base.pathname = "/postgres";
    store = await openTestStore(base.toString(), "e2e", { admin: true });
    admin = adminApi(store);
  }, 600_000);
  afterAll(async () => {
    await store?.stop();
  });

  const pointsOf = async (shopper: Shopper) =>
    (await storefront(store, shopper)("{ me { tier { key } points { available pending } growth } }")).data.me;

  it("a shopper who signs up becomes a member; their first checkout earns points and growth on the merchandise", async () => {
    ada = await signUp(store.url, store.seed, "ada@example.com");
    expect(await outcomeOf(store, `customer.created:${ada.customerId}`)).toBe("applied");
    const order = await checkout(
      store.url,
      store.seed,
      ada,
      await cartFor(store.url, store.seed, ada, [{ variantId: tee().variantId, quantity: 1 }]),
    );
    firstOrder = order.id;
    expect(order.total).toBe(110); // 100.00 tee + 10.00 shipping: points are earned on the 100.00
    expect(await outcomeOf(store, `order.placed:${order.id}`)).toBe("applied");
    expect(await pointsOf(ada)).toEqual({ tier: { key: "member" }, points: { available: 100, pending: 0 }, growth: 100 });
    const { data } = await admin(`query O($id: ID!) { order(orderId: $id) { customerId earned reversed growth } }`, { id: order.id });
    expect(data.order).toEqual({ customerId: ada.customerId, earned: 100, reversed: 0, growth: 100 });
  });

  it("completing the order in the admin and redelivering order.placed change nothing", async () => {
    await call(store.url, `/admin/orders/${firstOrder}/complete`, { token: store.adminToken, body: {} });
    await call(store.url, "/admin/test-events", {
      token: store.adminToken,
      body: { name: "order.placed", data: { id: firstOrder } },
      expect: 202,
    });
    expect(await outcomeOf(store, `order.placed:${firstOrder}`, 2)).toBe("duplicate");
    expect(await pointsOf(ada)).toEqual({ tier: { key: "member" }, points: { available: 100, pending: 0 }, growth: 100 });
  });

  it("a partial refund takes back exactly its share: 55.00 of a 110.00 order is half of the points and growth", async () => {
    const { order } = await call<{ order: { payment_collections: { payments: { id: string }[] }[] } }>(
      store.url,
      `/admin/orders/${firstOrder}?fields=id,payment_collections.payments.id`,
      { token: store.adminToken },
    );
    const paymentId = order.payment_collections[0]?.payments[0]?.id;
    await call(store.url, `/admin/payments/${paymentId}/capture`, { token: store.adminToken, body: {} });
    await call(store.url, `/admin/payments/${paymentId}/refund`, { token: store.adminToken, body: { amount: 55 } });
    await eventually("the refund to be reversed", async () => ((await pointsOf(ada)).points.available === 50 ? true : undefined));
    expect(await pointsOf(ada)).toEqual({ tier: { key: "member" }, points: { available: 50, pending: 0 }, growth: 50 });
    const { data } = await admin(`query O($id: ID!) { order(orderId: $id) { earned reversed growth } }`, { id: firstOrder });
    expect(data.order).toEqual({ earned: 100, reversed: 50, growth: 50 });
    const { payment } = await call<{ payment: { refunds: { id: string }[] } }>(
      store.url,
      `/admin/payments/${paymentId}?fields=id,refunds.id`,
      {
        token: store.adminToken,
      },
    );
    const refundId = payment.refunds[0]?.id;
    expect(await outcomeOf(store, `refund:${refundId}`)).toBe("applied");
    await call(store.url, "/admin/test-events", {
      token: store.adminToken,
      body: { name: "payment.refunded", data: { id: paymentId } },
      expect: 202,
    });
    expect(await outcomeOf(store, `refund:${refundId}`, 2)).toBe("duplicate");
    expect((await pointsOf(ada)).points.available).toBe(50);
  });

  it("the owner's member prices become a price list per tier; crossing Silver moves the shopper into its group and Medusa prices the tee at 80.00 for them only", async () => {
    const { data } = await admin("{ program { config } }");
    const config = {
      ...data.program.config,
      benefits: [fixture.benefits.silverTwentyPercent],
      rewards: [fixture.rewards.fiveOff, fixture.rewards.doomed],
    };
    const updated = await admin("mutation U($c: JSON!) { updateProgram(config: $c) { version } }", { c: config });
    expect(updated).toEqual({ data: { updateProgram: { version: 2 } } });
    const priceOf = async (shopper: Shopper | null) => {
      const { product } = await call<{
        product: { variants: { calculated_price: { calculated_amount: number; original_amount: number } }[] };
      }>(store.url, `/store/products/${tee().id}?region_id=${store.seed.regionId}&fields=*variants.calculated_price`, {
        token: shopper?.token ?? null,
        publishableKey: store.seed.publishableKey,
      });
      return product.variants[0]?.calculated_price;
    };
    expect((await priceOf(ada))?.calculated_amount).toBe(100); // still a Member

    const order = await checkout(
      store.url,
      store.seed,
      ada,
      await cartFor(store.url, store.seed, ada, [{ variantId: tee().variantId, quantity: 5 }]),
    );
    expect(await outcomeOf(store, `order.placed:${order.id}`)).toBe("applied");
    expect(await pointsOf(ada)).toEqual({ tier: { key: "silver" }, points: { available: 550, pending: 0 }, growth: 550 });
    const groups = await eventually("Ada to join the Silver group", async () => {
      const { customer } = await call<{ customer: { groups: { name: string }[] } }>(
        store.url,
        `/admin/customers/${ada.customerId}?fields=id,groups.name`,
        {
          token: store.adminToken,
        },
      );
      return customer.groups.some((g) => g.name === "Silver tier") ? customer.groups.map((g) => g.name) : undefined;
    });
    expect(groups).toEqual(["Silver tier"]);
    expect(await priceOf(ada)).toMatchObject({ calculated_amount: 80, original_amount: 100 });
    expect(await priceOf(null)).toMatchObject({ calculated_amount: 100 });
  });

  it("redeeming a reward spends the points for a promotion code that Ada's cart accepts and nobody else's", async () => {
    const redeemed = await storefront(store, ada)('mutation { redeem(rewardId: "five-off") { rewardId code points } }');
    const code = redeemed.data.redeem.code as string;
    expect(redeemed.data.redeem).toEqual({ rewardId: "five-off", code: expect.stringMatching(/^KIN-[2-9A-Z]{8}$/), points: 500 });
    expect((await pointsOf(ada)).points.available).toBe(50);

    const cartId = await cartFor(store.url, store.seed, ada, [{ variantId: tee().variantId, quantity: 1 }]);
    const { cart } = await call<{ cart: { discount_total: number; promotions: { code: string }[] } }>(
      store.url,
      `/store/carts/${cartId}/promotions`,
      {
        token: ada.token,
        publishableKey: store.seed.publishableKey,
        body: { promo_codes: [code] },
      },
    );
    expect(cart.promotions.map((p) => p.code)).toEqual([code]);
    expect(cart.discount_total).toBe(5);

    const ben = await signUp(store.url, store.seed, "ben@example.com");
    const bensCart = await cartFor(store.url, store.seed, ben, [{ variantId: tee().variantId, quantity: 1 }]);
    const res = await fetch(`${store.url}/store/carts/${bensCart}/promotions`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${ben.token}`,
        "x-publishable-api-key": store.seed.publishableKey,
      },
      body: JSON.stringify({ promo_codes: [code] }),
    });
    const body = (await res.json()) as { cart?: { discount_total: number } };
    if (res.ok) expect(body.cart?.discount_total).toBe(0);
    else expect(res.status).toBe(400);
  });

  it("a reward Ada cannot afford is refused with InsufficientPoints and spends nothing", async () => {
    const refused = await storefront(store, ada)('mutation { redeem(rewardId: "five-off") { code } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe("InsufficientPoints");
    expect((await pointsOf(ada)).points.available).toBe(50);
  });

  it("when Medusa refuses the promotion, the workflow compensates: the points come back and no code is left", async () => {
    const failed = await storefront(store, ada)('mutation { redeem(rewardId: "doomed") { code } }');
    expect(failed.data).toBeNull();
    expect(failed.errors?.[0]?.message).toMatch(/refuses promotions for the reward 'doomed'/);
    expect((await pointsOf(ada)).points.available).toBe(50);
    const { promotions } = await call<{ promotions: { metadata: Record<string, unknown> | null }[] }>(
      store.url,
      "/admin/promotions?fields=id,code,metadata&limit=200",
      {
        token: store.adminToken,
      },
    );
    expect(promotions.filter((p) => p.metadata?.kinship_reward === "doomed")).toEqual([]);
    const { data } = await admin(`query L($id: ID!) { member(customerId: $id) { ledger(first: 2) { lines { kind available } } } }`, {
      id: ada.customerId,
    });
    expect(data.member.ledger.lines).toEqual([
      { kind: "unspend", available: 10 },
      { kind: "spend", available: -10 },
    ]);
  });

  it("retried with its idempotencyKey, even concurrently, a redemption is one workflow run: one promotion, one spend; the key is refused for another reward", async () => {
    const fay = await signUp(store.url, store.seed, "fay@example.com");
    expect(await outcomeOf(store, `customer.created:${fay.customerId}`)).toBe("applied");
    const credit = `mutation A($id: ID!) {
      adjustPoints(customerId: $id, points: 1000, reason: "e2e credit", idempotencyKey: "e2e-credit-1") { points { available } } }`;
    const credited = await Promise.all([1, 2].map(() => admin(credit, { id: fay.customerId })));
    expect(credited.map((c) => c.data?.adjustPoints.points.available)).toEqual([1000, 1000]);

    const REDEEM = 'mutation R($key: String) { redeem(rewardId: "five-off", idempotencyKey: $key) { rewardId code points } }';
    const answers = await Promise.all(Array.from({ length: 5 }, () => storefront(store, fay)(REDEEM, { key: "tap-42" })));
    expect(answers.map((a) => a.errors)).toEqual(Array(5).fill(undefined));
    const codes = [...new Set(answers.map((a) => a.data.redeem.code as string))];
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatch(/^KIN-[2-9A-Z]{8}$/);
    expect((await pointsOf(fay)).points.available).toBe(500);
    const again = await storefront(store, fay)(REDEEM, { key: "tap-42" });
    expect(again.data.redeem).toEqual({ rewardId: "five-off", code: codes[0], points: 500 });
    const { promotions } = await call<{ promotions: { code: string; metadata: Record<string, unknown> | null }[] }>(
      store.url,
      "/admin/promotions?fields=id,code,metadata&limit=200",
      { token: store.adminToken },
    );
    expect(promotions.filter((p) => p.metadata?.kinship_customer === fay.customerId).map((p) => p.code)).toEqual(codes);

    const reused = await storefront(store, fay)('mutation { redeem(rewardId: "doomed", idempotencyKey: "tap-42") { code } }');
    expect(reused.errors?.[0]?.extensions?.code).toBe("IdempotencyKeyReused");
    expect((await pointsOf(fay)).points.available).toBe(500);
  });

  it("a guest gets the 'join to get this price' teaser from the storefront API; a forged token is a guest too; a body without a query is a 400", async () => {
    const guest = await storefront(store, null)(
      `query P($ids: [ID!]!) { me { customerId } memberPrices(variantIds: $ids) { variantId basePrice memberPrice teaser { tier memberPrice } } }`,
      {
        ids: [tee().variantId],
      },
    );
    expect(guest.data).toEqual({
      me: null,
      memberPrices: [{ variantId: tee().variantId, basePrice: 10000, memberPrice: null, teaser: { tier: "silver", memberPrice: 8000 } }],
    });
    const res = await fetch(`${store.url}/store/kinship/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: "Bearer forged.token.value",
        "x-publishable-api-key": store.seed.publishableKey,
      },
      body: JSON.stringify({ query: "{ me { customerId } }" }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { me: null } });
    const empty = await fetch(`${store.url}/store/kinship/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-publishable-api-key": store.seed.publishableKey },
      body: JSON.stringify({ variables: {} }),
    });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({
      errors: [{ message: "a GraphQL request needs a query string", extensions: { code: "BAD_REQUEST" } }],
    });
  });

  it("a partner's perk: the owner adds the partner and imports its codes through the admin route; Ada claims one through the store route, once; the settlement counts it", async () => {
    const { data } = await admin("{ program { config } }");
    const partners = [{ ...fixture.partners.cafeMonthly, minTier: "silver" }];
    const updated = await admin("mutation U($c: JSON!) { updateProgram(config: $c) { version } }", {
      c: { ...data.program.config, partners },
    });
    expect(updated.errors).toBeUndefined();
    const imported = await admin(
      'mutation I($codes: [String!]!) { importPerkCodes(partner: "cafe", codes: $codes) { added alreadyThere } }',
      {
        codes: ["CAFE-1", "CAFE-2", " CAFE-2 "],
      },
    );
    expect(imported.data.importPerkCodes).toEqual({ added: 2, alreadyThere: 0 });

    const claim = 'mutation { claimPerk(partner: "cafe", idempotencyKey: "tap-1") { partner code } }';
    expect((await storefront(store, ada)(claim)).data.claimPerk).toEqual({ partner: "cafe", code: "CAFE-1" });
    expect((await storefront(store, ada)(claim)).data.claimPerk).toEqual({ partner: "cafe", code: "CAFE-1" });
    const again = await storefront(store, ada)('mutation { claimPerk(partner: "cafe") { code } }');
    expect(again.errors[0].extensions.code).toBe("ClaimLimitReached");
    expect((await storefront(store, ada)("{ perks { partner claimable blockedBy codes { code } } }")).data.perks).toEqual([
      { partner: "cafe", claimable: false, blockedBy: "LIMIT", codes: [{ code: "CAFE-1" }] },
    ]);
    expect((await storefront(store, null)("{ perks { partner blockedBy } }")).data.perks).toEqual([
      { partner: "cafe", blockedBy: "SIGN_IN" },
    ]);

    const day = 86_400_000;
    const report = await admin(
      "query R($from: DateTime!, $to: DateTime!) { partners(from: $from, to: $to) { partner claimed amountDue codesLeft } }",
      {
        from: new Date(Date.now() - day).toISOString(),
        to: new Date(Date.now() + day).toISOString(),
      },
    );
    expect(report.data.partners).toEqual([{ partner: "cafe", claimed: 1, amountDue: 150, codesLeft: 1 }]);
  });

  it("a return received under reverseOn 'refund' reverses nothing by itself; refunding the returned tee then takes back its share", async () => {
    const cy = await signUp(store.url, store.seed, "cy@example.com");
    const order = await checkout(
      store.url,
      store.seed,
      cy,
      await cartFor(store.url, store.seed, cy, [{ variantId: tee().variantId, quantity: 2 }]),
    );
    expect(await outcomeOf(store, `order.placed:${order.id}`)).toBe("applied");
    const token = { token: store.adminToken };
    const { order: placed } = await call<{ order: { items: { id: string }[]; payment_collections: { payments: { id: string }[] }[] } }>(
      store.url,
      `/admin/orders/${order.id}?fields=id,items.id,payment_collections.payments.id`,
      token,
    );
    const itemId = (placed.items[0] as { id: string }).id;
    const paymentId = placed.payment_collections[0]?.payments[0]?.id as string;
    await call(store.url, `/admin/payments/${paymentId}/capture`, { ...token, body: {} });
    await call(store.url, `/admin/orders/${order.id}/fulfillments`, { ...token, body: { items: [{ id: itemId, quantity: 2 }] } });
    const { return: ret } = await call<{ return: { id: string } }>(store.url, "/admin/returns", { ...token, body: { order_id: order.id } });
    await call(store.url, `/admin/returns/${ret.id}/request-items`, { ...token, body: { items: [{ id: itemId, quantity: 1 }] } });
    await call(store.url, `/admin/returns/${ret.id}/request`, { ...token, body: {} });
    await call(store.url, `/admin/returns/${ret.id}/receive`, { ...token, body: {} });
    await call(store.url, `/admin/returns/${ret.id}/receive-items`, { ...token, body: { items: [{ id: itemId, quantity: 1 }] } });
    await call(store.url, `/admin/returns/${ret.id}/receive/confirm`, { ...token, body: {} });
    await eventually("Medusa to process order.return_received", async () =>
      store.log().includes("Processing order.return_received") ? true : undefined,
    );
    expect((await pointsOf(cy)).points.available).toBe(200);

    // 100.00 of the 210.00 paid (200.00 of tees, 10.00 shipping): 200 × 100 / 210 = 95.24 → 95 points.
    await call(store.url, `/admin/payments/${paymentId}/refund`, { ...token, body: { amount: 100 } });
    await eventually("the refund to be reversed", async () => ((await pointsOf(cy)).points.available < 200 ? true : undefined));
    expect(await pointsOf(cy)).toEqual({ tier: { key: "member" }, points: { available: 105, pending: 0 }, growth: 105 });
  });

  it("a shopper who changes their name in the store has it on their member profile", async () => {
    await call(store.url, "/store/customers/me", {
      token: ada.token,
      publishableKey: store.seed.publishableKey,
      body: { first_name: "Augusta", last_name: "King" },
    });
    await eventually("the profile to follow", async () => {
      const { data } = await admin(`query M($id: ID!) { member(customerId: $id) { profile } }`, { id: ada.customerId });
      return data.member.profile.firstName === "Augusta" ? data.member.profile : undefined;
    });
    const { data } = await admin(`query M($id: ID!) { member(customerId: $id) { profile } }`, { id: ada.customerId });
    expect(data.member.profile).toMatchObject({ email: "ada@example.com", firstName: "Augusta", lastName: "King" });
  });

  it("canceling an order in the admin reverses everything it earned; redelivering order.canceled changes nothing", async () => {
    const dee = await signUp(store.url, store.seed, "dee@example.com");
    const order = await checkout(
      store.url,
      store.seed,
      dee,
      await cartFor(store.url, store.seed, dee, [{ variantId: tee().variantId, quantity: 3 }]),
    );
    expect(await outcomeOf(store, `order.placed:${order.id}`)).toBe("applied");
    expect((await pointsOf(dee)).points.available).toBe(300);

    await call(store.url, `/admin/orders/${order.id}/cancel`, { token: store.adminToken, body: {} });
    expect(await outcomeOf(store, `order.canceled:${order.id}`)).toBe("applied");
    expect(await pointsOf(dee)).toEqual({ tier: { key: "member" }, points: { available: 0, pending: 0 }, growth: 0 });
    const { data } = await admin(`query O($id: ID!) { order(orderId: $id) { earned reversed growth } }`, { id: order.id });
    expect(data.order).toEqual({ earned: 300, reversed: 300, growth: 0 });

    await call(store.url, "/admin/test-events", {
      token: store.adminToken,
      body: { name: "order.canceled", data: { id: order.id } },
      expect: 202,
    });
    expect(await outcomeOf(store, `order.canceled:${order.id}`, 2)).toBe("duplicate");
    expect(await pointsOf(dee)).toEqual({ tier: { key: "member" }, points: { available: 0, pending: 0 }, growth: 0 });
  });

  it("a new base price reaches the member price list: the tee at 150.00 is 120.00 for Silver, 150.00 for a guest; the storefront API agrees", async () => {
    await call(store.url, `/admin/products/${tee().id}/variants/${tee().variantId}`, {
      token: store.adminToken,
      body: { prices: [{ currency_code: "usd", amount: 150 }] },
    });
    const priceOf = async (shopper: Shopper | null) => {
      const { product } = await call<{ product: { variants: { calculated_price: { calculated_amount: number } }[] } }>(
        store.url,
        `/store/products/${tee().id}?region_id=${store.seed.regionId}&fields=*variants.calculated_price`,
        { token: shopper?.token ?? null, publishableKey: store.seed.publishableKey },
      );
      return product.variants[0]?.calculated_price.calculated_amount;
    };
    await eventually("the member price to follow", async () => ((await priceOf(ada)) === 120 ? true : undefined));
    expect(await priceOf(null)).toBe(150);
    const { data } = await storefront(store, ada)(`query P($ids: [ID!]!) { memberPrices(variantIds: $ids) { basePrice memberPrice } }`, {
      ids: [tee().variantId],
    });
    expect(data.memberPrices).toEqual([{ basePrice: 15000, memberPrice: 12000 }]);
  });

  it("an order paid partly with a redeemed code earns on what was paid for the merchandise: 150.00 − 5.00 → 145 points", async () => {
    const eve = await signUp(store.url, store.seed, "eve@example.com");
    expect(await outcomeOf(store, `customer.created:${eve.customerId}`)).toBe("applied");
    await admin('mutation A($id: ID!) { adjustPoints(customerId: $id, points: 500, reason: "welcome gift") { customerId } }', {
      id: eve.customerId,
    });
    const redeemed = await storefront(store, eve)('mutation { redeem(rewardId: "five-off") { code } }');
    const code = redeemed.data.redeem.code as string;
    const cartId = await cartFor(store.url, store.seed, eve, [{ variantId: tee().variantId, quantity: 1 }]);
    await call(store.url, `/store/carts/${cartId}/promotions`, {
      token: eve.token,
      publishableKey: store.seed.publishableKey,
      body: { promo_codes: [code] },
    });
    const order = await checkout(store.url, store.seed, eve, cartId);
    expect(order.total).toBe(155); // 150.00 − 5.00 + 10.00 shipping
    expect(await outcomeOf(store, `order.placed:${order.id}`)).toBe("applied");
    const { data } = await admin(`query O($id: ID!) { order(orderId: $id) { earned growth } }`, { id: order.id });
    expect(data.order).toEqual({ earned: 145, growth: 145 });
    expect((await pointsOf(eve)).points.available).toBe(145);
  });

  it("the owner sees and adjusts Ada's points in the real Medusa admin (Chromium), and the order page shows what it earned and gave back", async () => {
    const browser = await launchChromium();
    try {
      const page = await signedInAdmin(browser, store.url);

      await page.goto(`${store.url}/app/customers/${ada.customerId}`);
      const loyalty = page.getByRole("region", { name: "Loyalty" });
      await loyalty.getByText("Points available").waitFor({ timeout: 120_000 });
      await loyalty.scrollIntoViewIfNeeded();
      await expect.poll(() => loyalty.innerText(), { timeout: 90_000 }).toMatch(/Points available\s+50\b/);
      expect(await loyalty.innerText()).toMatch(/Silver/);
      await loyalty.getByLabel("Points", { exact: true }).fill("25");
      await loyalty.getByLabel("Reason", { exact: true }).fill("goodwill for a late parcel");
      await loyalty.getByRole("button", { name: "Adjust points" }).click();
      await expect.poll(() => loyalty.innerText(), { timeout: 90_000 }).toMatch(/Points available\s+75\b/);
      await expect.poll(() => loyalty.innerText(), { timeout: 90_000 }).toContain("goodwill for a late parcel");
      await loyalty.getByText("Adjust points").first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-customer.png` });
      const { data } = await admin(
        `query L($id: ID!) { member(customerId: $id) { points { available } ledger(first: 1) { lines { kind available reason actor } } } }`,
        {
          id: ada.customerId,
        },
      );
      expect(data.member).toEqual({
        points: { available: 75 },
        ledger: { lines: [{ kind: "adjust", available: 25, reason: "goodwill for a late parcel", actor: ADMIN.email }] },
      });

      await page.goto(`${store.url}/app/orders/${firstOrder}`);
      const points = page.getByRole("region", { name: "Loyalty points" });
      await points.getByText("Points earned").waitFor({ timeout: 120_000 });
      await expect.poll(() => points.innerText(), { timeout: 90_000 }).toMatch(/Points earned\s+100\b[\s\S]*Points reversed\s+50\b/);
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-order.png` });

      await page.goto(`${store.url}/app/settings/loyalty`);
      await page.getByRole("tab", { name: "Member prices" }).click({ timeout: 120_000 });
      await expect.poll(() => page.getByRole("main").innerText(), { timeout: 90_000 }).toMatch(/Silver: 20% off/);
      await settledTab(page, "Member prices");
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-settings.png` });

      await page.getByRole("tab", { name: "Partners" }).click();
      await expect.poll(() => page.getByRole("main").innerText(), { timeout: 90_000 }).toMatch(/1 of 2 codes left/);
      expect(await page.getByRole("main").innerText()).toMatch(/Corner Café/);
      await settledTab(page, "Partners");
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-partners.png`, fullPage: true });
    } finally {
      await browser.close();
    }
  }, 600_000);

  it("the Loyalty screens in the real Medusa admin (Chromium): dashboard, members and Ada's page, activity, program settings, tier preview, rule try-out; the ledger fits its card at 1440 px", async () => {
    // A refund reason and an order id longer than a card is wide, as Medusa writes them.
    const longReason = `Refund re_01JH${"X".repeat(60)} for a parcel lost in transit between the warehouse and the customer`;
    await admin("mutation A($id: ID!, $r: String!) { adjustPoints(customerId: $id, points: 5, reason: $r) { customerId } }", {
      id: ada.customerId,
      r: longReason,
    });
    const browser = await launchChromium();
    // Our screens, not Medusa's own sidebar and top bar.
    const axeClean = async (page: Page, what: string) =>
      expect(await seriousViolations(page, "main"), `axe-core: serious or critical violations (${what})`).toEqual([]);
    try {
      const page = await signedInAdmin(browser, store.url);
      const main = page.getByRole("main");

      // The sidebar's Loyalty entry opens the dashboard.
      await page.getByRole("link", { name: "Loyalty", exact: true }).first().click({ timeout: 120_000 });
      await page.waitForURL((u) => u.pathname.endsWith("/app/loyalty"), { timeout: 120_000 });
      await main.getByText("Outstanding points").waitFor({ timeout: 120_000 });
      await main.locator("figure").first().waitFor();
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-loyalty-dashboard.png`, fullPage: true });
      await axeClean(page, "dashboard");

      await page.goto(`${store.url}/app/loyalty/members`);
      await main.getByLabel("Search members").fill("ada@example.com", { timeout: 120_000 });
      const rows = main.getByRole("table", { name: "Members" }).locator("tbody tr");
      await expect.poll(() => rows.count(), { timeout: 90_000 }).toBe(1);
      expect(await rows.first().innerText()).toContain("ada@example.com");
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-loyalty-members.png` });
      await axeClean(page, "members");

      await rows.first().getByRole("link").click();
      await page.waitForURL((u) => u.pathname.endsWith(`/app/loyalty/members/${ada.customerId}`), { timeout: 60_000 });
      const history = main.getByRole("table", { name: "Points history, newest first" });
      await expect.poll(() => history.innerText(), { timeout: 90_000 }).toContain("goodwill for a late parcel");
      expect(await main.innerText()).toMatch(/Tier override/);
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-loyalty-member.png`, fullPage: true });
      await axeClean(page, "member page");

      await page.goto(`${store.url}/app/loyalty/activity`);
      await main.getByRole("table", { name: "Audit log, newest first" }).waitFor({ timeout: 120_000 });
      expect(await main.innerText()).toMatch(/Saved the settings as version \d+/);
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-loyalty-activity.png`, fullPage: true });
      await axeClean(page, "activity");

      await page.goto(`${store.url}/app/settings/loyalty`);
      await settledTab(page, "Program");
      const before = (await admin("{ program { version } }")).data.program.version as number;
      await main.getByLabel("Grace days").fill("45", { timeout: 120_000 });
      await main.getByRole("button", { name: "Save", exact: true }).click();
      await expect.poll(() => main.getByRole("status").first().innerText(), { timeout: 90_000 }).toBe(`Saved as version ${before + 1}.`);
      const saved = await admin("{ program { config } }");
      expect(saved.data.program.config.tierPolicy).toEqual({ graceDays: 45 });
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-settings-program.png`, fullPage: true });
      await axeClean(page, "settings, program");

      await page.getByRole("tab", { name: "Tiers" }).click();
      await settledTab(page, "Tiers");
      const tiers = page.getByRole("tabpanel", { name: "Tiers" });
      await tiers.getByRole("group", { name: "Silver" }).getByLabel("Growth threshold").fill("1");
      const preview = tiers.locator("[data-tier-preview]");
      await expect
        .poll(() => preview.innerText(), { timeout: 90_000 })
        .toMatch(/^\d+ members? would move up, \d+ down \(of \d+ members?\)\.$/);
      await preview.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-settings-tier-preview.png` });
      await axeClean(page, "settings, tier preview");
      await main.getByRole("button", { name: "Discard changes" }).click();

      await page.getByRole("tab", { name: "Earn rules" }).click();
      await settledTab(page, "Earn rules");
      const rules = page.getByRole("tabpanel", { name: "Earn rules" });
      await rules
        .getByRole("button", { name: /^Edit / })
        .first()
        .click();
      const tryOut = rules.locator("form").filter({ has: page.getByRole("heading", { name: "Try this rule" }) });
      await tryOut.getByLabel("Order subtotal").fill("120.00");
      await tryOut.getByRole("button", { name: "Try rule" }).click();
      await expect.poll(() => tryOut.locator("[data-rule-trial]").innerText(), { timeout: 90_000 }).toMatch(/would earn \d+ points/);
      await tryOut.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-settings-rule-try-out.png` });
      await axeClean(page, "settings, rule try-out");

      await page.goto(`${store.url}/app/customers/${ada.customerId}`);
      const loyalty = page.getByRole("region", { name: "Loyalty" });
      const ledger = loyalty.locator("[data-ledger-table]");
      await expect.poll(() => ledger.innerText(), { timeout: 120_000 }).toContain("Refund re_01JH");
      const fit = await ledger.evaluate((table) => {
        const card = table.closest("[role=region]") as HTMLElement;
        return { table: table.scrollWidth, card: card.clientWidth };
      });
      console.info(`the ledger table at 1440 px: scrollWidth ${fit.table}px, its card's clientWidth ${fit.card}px`);
      expect(fit.table, `the ledger table (${fit.table}px) fits its card (${fit.card}px) at 1440 px`).toBeLessThanOrEqual(fit.card);
      await ledger.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-customer-ledger-fits.png` });
      await loyalty.getByRole("link", { name: "Open member page" }).click();
      await page.waitForURL((u) => u.pathname.endsWith(`/app/loyalty/members/${ada.customerId}`), { timeout: 60_000 });
    } finally {
      await browser.close();
    }
  }, 900_000);

  it("the membership screens in the real Medusa admin (Chromium): a plan saved from Settings → Loyalty → Plans, and a webhook endpoint added (secret shown once), disabled and deleted", async () => {
    const browser = await launchChromium();
    const axeClean = async (page: Page, what: string) =>
      expect(await seriousViolations(page, "main"), `axe-core: serious or critical violations (${what})`).toEqual([]);
    try {
      const page = await signedInAdmin(browser, store.url);
      const main = page.getByRole("main");

      await page.goto(`${store.url}/app/settings/loyalty`);
      await page.getByRole("tab", { name: "Plans" }).click({ timeout: 120_000 });
      await settledTab(page, "Plans");
      const plans = page.getByRole("tabpanel", { name: "Plans" });
      await plans.getByRole("button", { name: "Add plan" }).click();
      await plans.getByRole("group", { name: "New plan" }).getByLabel("Name", { exact: true }).fill("Tee club");
      const plan = plans.getByRole("group", { name: "Tee club" });
      await plan.getByLabel("Plan key").fill("tee-club");
      await plan.getByLabel("Price (USD)").fill("49.00");
      await plan.getByLabel("Product IDs").fill(tee().id);
      const before = (await admin("{ program { version } }")).data.program.version as number;
      await main.getByRole("button", { name: "Save", exact: true }).click();
      await expect.poll(() => main.getByRole("status").first().innerText(), { timeout: 90_000 }).toBe(`Saved as version ${before + 1}.`);
      const saved = await admin("{ program { config } }");
      expect(saved.data.program.config.plans).toMatchObject([{ key: "tee-club", price: 4900, products: { productIds: [tee().id] } }]);
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-settings-plans.png`, fullPage: true });
      await axeClean(page, "settings, plans");

      await page.goto(`${store.url}/app/loyalty/webhooks`);
      await main.getByRole("heading", { name: "Add an endpoint" }).waitFor({ timeout: 120_000 });
      await main.getByRole("button", { name: "Add endpoint" }).click();
      await main.getByText("Choose at least one event").waitFor();
      await main.getByLabel("Endpoint URL").fill("http://hooks.example.com/in");
      await main.getByText("Use https (http only for localhost)").waitFor();
      await main.getByLabel("Endpoint URL").fill("https://hooks.example.com/kinship");
      await main.getByLabel("Points earned").check();
      await main.getByLabel("Tier changed").check();
      await main.getByLabel("Description").fill("Email flows");
      await main.getByRole("button", { name: "Add endpoint" }).click();
      const secret = main.locator("[data-secret]");
      await secret.waitFor({ timeout: 90_000 });
      expect((await secret.innerText()).length).toBeGreaterThan(20);
      const endpoints = await admin("{ webhookEndpoints { id url topics description enabled } }");
      expect(endpoints.data.webhookEndpoints).toMatchObject([
        { url: "https://hooks.example.com/kinship", topics: ["points.earned", "tier.changed"], description: "Email flows", enabled: true },
      ]);
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-loyalty-webhooks.png`, fullPage: true });
      await axeClean(page, "webhooks");

      await main.getByRole("button", { name: "Disable https://hooks.example.com/kinship" }).click();
      await main.getByRole("button", { name: "Enable https://hooks.example.com/kinship" }).waitFor({ timeout: 90_000 });
      await main.getByRole("button", { name: "Delete https://hooks.example.com/kinship" }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
      await main.getByText("No endpoints yet").waitFor({ timeout: 90_000 });
      expect((await admin("{ webhookEndpoints { id } }")).data.webhookEndpoints).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 900_000);
});

/** The tab is selected and its trigger's style transition has run, so a screenshot shows which tab is open. */
async function settledTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole("tab", { name });
  await expect.poll(() => tab.getAttribute("aria-selected"), { timeout: 30_000 }).toBe("true");
  await page.waitForTimeout(400);
}
