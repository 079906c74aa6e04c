import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ARTIFACTS, launchChromium, seriousViolations } from "../browser/support.ts";
import { signedInAdmin } from "./support/admin.ts";
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
    store = await openTestStore(base.toString(), "welcome", { admin: true });
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

  it("a referee ordering from the referrer's device is flagged, and the owner approves it with a note in the real Medusa admin (Chromium)", async () => {
    const admin = adminApi(store);
    // Referrals are on (the test above). The referrer's storefront records a session from this device.
    const device = "device-e2e-0451";
    const ruth = await signUp(store.url, store.seed, "ruth@example.com");
    expect(await outcomeOf(store, `customer.created:${ruth.customerId}`)).toBe("applied");
    const asRuth = storefront(store, ruth);
    const mine = await asRuth("{ me { referrals { code } } }");
    const code = mine.data.me.referrals.code as string;
    const session = await asRuth("mutation S($d: String!) { recordSession(deviceId: $d) }", { d: device });
    expect(session.errors).toBeUndefined();
    expect(session.data.recordSession).toBe(true);

    // The referee's first order comes from the same device.
    const remy = await signUp(store.url, store.seed, "remy@example.com");
    expect(await outcomeOf(store, `customer.created:${remy.customerId}`)).toBe("applied");
    const tee = store.seed.products[0] as { variantId: string };
    const cart = await cartFor(store.url, store.seed, remy, [{ variantId: tee.variantId, quantity: 1 }], {
      regionId: store.seed.regionId,
      country: "us",
      metadata: { kinship_ref: code, kinship_device: device },
    });
    const order = await checkout(store.url, store.seed, remy, cart);
    expect(await outcomeOf(store, `order.placed:${order.id}`)).toBe("applied");
    const queue = "query Q($s: ReferralStatus) { referrals(status: $s) { referrals { id code refereeId status note signals { name } } } }";
    const flagged = (await admin(queue, { s: "FLAGGED" })).data.referrals.referrals;
    expect(flagged).toEqual([
      { id: expect.any(String), code, refereeId: remy.customerId, status: "FLAGGED", note: null, signals: [{ name: "same_device" }] },
    ]);
    const id = flagged[0].id as string;

    const browser = await launchChromium();
    try {
      const page = await signedInAdmin(browser, store.url);
      const main = page.getByRole("main");
      await page.goto(`${store.url}/app/loyalty/referrals`, { timeout: 240_000 });
      const item = main.locator(`li[data-referral="${id}"]`);
      await item.waitFor({ timeout: 120_000 });
      expect(await item.getAttribute("data-status")).toBe("FLAGGED");
      await expect
        .poll(() => item.locator('[data-signal="same_device"]').innerText(), { timeout: 30_000 })
        .toContain("Same device as the referrer's recent sessions");
      expect(await seriousViolations(page, "main"), "axe-core: serious or critical violations (referrals, flagged)").toEqual([]);

      await item.getByLabel("Note").fill("Household: same family laptop, checked by phone");
      await item.getByRole("button", { name: `Approve referral ${code} of ${remy.customerId}` }).click();
      // Approved, it leaves the flagged queue and the referrer is paid at once (status PAID); all referrals show it with the decision and the note.
      await main.getByText("Nothing to review: no flagged referrals.").waitFor({ timeout: 60_000 });
      await main.getByLabel("Show").click();
      await page.getByRole("option", { name: "All referrals" }).click();
      const approved = main.locator(`li[data-referral="${id}"]`);
      await expect.poll(() => approved.getAttribute("data-status"), { timeout: 60_000 }).toBe("PAID");
      expect(await approved.innerText()).toContain("Household: same family laptop, checked by phone");
      await page.screenshot({ path: `${ARTIFACTS}medusa-admin-loyalty-referrals.png`, fullPage: true });
      expect(await seriousViolations(page, "main"), "axe-core: serious or critical violations (referrals, all)").toEqual([]);
    } finally {
      await browser.close();
    }

    // Rita's clean referral from the test above is paid too.
    const done = (await admin(queue, { s: "PAID" })).data.referrals.referrals.filter((r: { id: string }) => r.id === id);
    expect(done).toEqual([
      {
        id,
        code,
        refereeId: remy.customerId,
        status: "PAID",
        note: "Household: same family laptop, checked by phone",
        signals: [{ name: "same_device" }],
      },
    ]);
    expect((await admin(queue, { s: "FLAGGED" })).data.referrals.referrals).toEqual([]);
  }, 900_000);
});
