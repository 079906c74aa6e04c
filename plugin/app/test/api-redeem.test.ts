import { HttpResponse } from "msw";
import { graphql } from "msw/graphql";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, paidOrder, proxyQuery } from "./api-support.ts";
import { type Harness, newShop, startHarness } from "./support.ts";

/** Redemption through the app proxy: the code is created on the signed shop, with its token, for the signed customer. */
const mock = setupServer();
const CUSTOMER = "5005";
let h: Harness;
let shop: string;
const seen: { shop: string; token: string | null; variables: Record<string, unknown> }[] = [];

beforeAll(async () => {
  // Only the shops' Admin API is mocked; the test's own calls to the server pass through.
  mock.listen({ onUnhandledFrame: "bypass" });
  h = await startHarness("app_api_redeem");
  shop = await newShop(h.engine, "redeemer");
  const program = await h.engine.program(shop);
  if (!program.ok) throw new Error(program.error.message);
  const rewards = [{ id: "five-off", name: "$5 off", cost: 500, kind: "amountOff", value: 500 }];
  const updated = await h.engine.updateConfig(shop, { ...program.value.config, rewards }, "test", new Date());
  if (!updated.ok) throw new Error(updated.error.message);
  const paid = await h.engine.apply(shop, paidOrder("r-1", CUSTOMER, 90_000), new Date());
  if (!paid.ok) throw new Error(paid.error.message);
  mock.use(
    graphql.link(`https://${shop}/admin/api/2026-10/graphql.json`).mutation("KinshipRewardCode", ({ variables, request }) => {
      seen.push({ shop, token: request.headers.get("x-shopify-access-token"), variables });
      return HttpResponse.json({
        data: { discountCodeBasicCreate: { codeDiscountNode: { id: "gid://shopify/DiscountCodeNode/1" }, userErrors: [] } },
      });
    }),
  );
});
afterAll(async () => {
  mock.close();
  await h?.close();
});

describe("redeeming through the app proxy", () => {
  it("creates the code on the signed shop with its access token, for the signed customer, and spends the points", async () => {
    const answer = await gql(
      `${h.url}/proxy/graphql?${proxyQuery(shop, CUSTOMER)}`,
      'mutation { redeem(rewardId: "five-off") { rewardId code points } }',
    );
    expect(answer.body.errors).toBeUndefined();
    const redemption = answer.body.data?.redeem as { code: string; points: number };
    expect(redemption.points).toBe(500);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.token).toBe("shpat_test");
    expect(JSON.stringify(seen[0]?.variables)).toContain(redemption.code);
    expect(JSON.stringify(seen[0]?.variables)).toContain(`gid://shopify/Customer/${CUSTOMER}`);
    const me = await gql(`${h.url}/proxy/graphql?${proxyQuery(shop, CUSTOMER)}`, "{ me { points { available } } }");
    expect(me.body.data?.me).toEqual({ points: { available: 400 } });
  });

  it("a retried request with the same idempotencyKey gets the same code: one discount created on the shop, one spend", async () => {
    const KEYED = 'mutation R($key: String) { redeem(rewardId: "five-off", idempotencyKey: $key) { code points } }';
    const url = () => `${h.url}/proxy/graphql?${proxyQuery(shop, CUSTOMER)}`;
    const paid = await h.engine.apply(shop, paidOrder("r-2", CUSTOMER, 60_000), new Date());
    expect(paid.ok).toBe(true);
    const before = seen.length;
    const answers = await Promise.all([1, 2, 3].map(() => gql(url(), KEYED, { variables: { key: "click-7" } })));
    const codes = answers.map((a) => (a.body.data?.redeem as { code: string } | undefined)?.code);
    expect(answers.map((a) => a.body.errors)).toEqual([undefined, undefined, undefined]);
    expect(new Set(codes).size).toBe(1);
    expect(seen.length - before).toBe(1);
    const again = await gql(url(), KEYED, { variables: { key: "click-7" } });
    expect(again.body.data?.redeem).toEqual({ code: codes[0], points: 500 });
    expect(seen.length - before).toBe(1);
    const me = await gql(url(), "{ me { points { available } } }");
    expect(me.body.data?.me).toEqual({ points: { available: 500 } });
  });
});
