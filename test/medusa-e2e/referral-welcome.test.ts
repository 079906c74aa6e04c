import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { call } from "./support/http.ts";
import { adminApi, outcomeOf, storefront } from "./support/kinship.ts";
import { cartFor, checkout, signUp } from "./support/shopper.ts";
import { openTestStore, type TestStore } from "./support/store.ts";

/** @kinship/medusa issuing referees' welcome codes as Medusa promotions from its maintenance job. */
describe("Referral welcome codes in a Medusa store", () => {
  let store: TestStore;

  beforeAll(async () => {
    const base = new URL(inject("databaseUrl"));
    base.pathname = "/postgres";
    store = await openTestStore(base.toString(), "welcome");
  }, 600_000);
  afterAll(async () => {
    await store?.stop();
  });

  const referrals = async () => {
    const db = new pg.Client({ connectionString: store.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ welcome_code: string | null; welcome_ref: string | null; issued: boolean }>(
        "SELECT welcome_code, welcome_ref, welcome_issued_at IS NOT NULL AS issued FROM kinship_referral ORDER BY id",
      );
      return rows;
    } finally {
      await db.end();
    }
  };
  const promotions = async () =>
    (
      await call<{ promotions: { id: string; code: string; metadata: Record<string, unknown> | null }[] }>(
        store.url,
        "/admin/promotions?fields=id,code,metadata&limit=200",
        { token: store.adminToken },
      )
    ).promotions.filter((p) => p.metadata?.kinship_reward === "referral-welcome");
  const maintain = () => call(store.url, "/admin/test-kinship-maintain", { token: store.adminToken, body: {} });

  it("a referee's first order with a referrer's code gets one welcome promotion after maintenance, and only one", async () => {
    const admin = adminApi(store);
    const { data } = await admin("{ program { config } }");
    const config = {
      ...data.program.config,
      referrals: { enabled: true, refereeReward: { kind: "amountOff", value: 500, minimumOrder: 0 } },
    };
    const updated = await admin("mutation U($c: JSON!) { updateProgram(config: $c) { version } }", { c: config });
    expect(updated.errors).toBeUndefined();

    const rita = await signUp(store.url, store.seed, "rita@example.com");
    expect(await outcomeOf(store, `customer.created:${rita.customerId}`)).toBe("applied");
    const mine = await storefront(store, rita)("{ me { referrals { code } } }");
    const code = mine.data.me.referrals.code as string;
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);

    const rory = await signUp(store.url, store.seed, "rory@example.com");
    expect(await outcomeOf(store, `customer.created:${rory.customerId}`)).toBe("applied");
    const tee = store.seed.products[0] as { variantId: string };
    const cart = await cartFor(store.url, store.seed, rory, [{ variantId: tee.variantId, quantity: 1 }], {
      regionId: store.seed.regionId,
      country: "us",
      metadata: { kinship_ref: code },
    });
    const order = await checkout(store.url, store.seed, rory, cart);
    expect(await outcomeOf(store, `order.placed:${order.id}`)).toBe("applied");
    expect(await referrals()).toEqual([{ welcome_code: null, welcome_ref: null, issued: false }]);

    await maintain();
    const [referral] = await referrals();
    expect(referral?.issued).toBe(true);
    expect(referral?.welcome_code).toMatch(/^KIN-[2-9A-HJKMNP-Z]{8}$/);
    const issued = await promotions();
    expect(issued.map((p) => ({ id: p.id, code: p.code, customer: p.metadata?.kinship_customer }))).toEqual([
      { id: referral?.welcome_ref, code: referral?.welcome_code, customer: rory.customerId },
    ]);
    expect(store.log()).toContain("referral welcome codes for kinship-test-store: 1 issued, 0 failed");

    await maintain();
    expect(await referrals()).toEqual([referral]);
    expect(await promotions()).toEqual(issued);
  });
});
