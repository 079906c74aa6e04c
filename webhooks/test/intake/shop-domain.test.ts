import type { Engine } from "@kinship/engine";
import { describe, expect, it } from "vitest";
import { shopifyHeaders } from "../../../test/support/shopify-webhook.ts";
import { isShopDomain, shopifyIntake } from "../../src/index.ts";
import type { InboxQueue } from "../../src/queue/types.ts";

const shops = ["my-shop.myshopify.com", "a.myshopify.com", "0shop.myshopify.com", "shop-1-2.myshopify.com"];
const others = [
  "",
  "evil.example.com",
  "my-shop.myshopify.com.evil.example",
  "My-Shop.myshopify.com",
  "-shop.myshopify.com",
  "shop_1.myshopify.com",
  "a.b.myshopify.com",
  ".myshopify.com",
  "myshopify.com",
  "shop.myshopify.co",
  "demo",
  "medusa:store",
  " shop.myshopify.com",
];

describe("isShopDomain: a Shopify shop's <name>.myshopify.com", () => {
  it.each(shops)("takes %j", (d) => expect(isShopDomain(d)).toBe(true));
  it.each(others)("refuses %j", (d) => expect(isShopDomain(d)).toBe(false));
});

describe("the Shopify intake", () => {
  it("drops a signed delivery whose shop header is not a shop domain, without looking it up or storing it", async () => {
    const touched: string[] = [];
    const trap = <T>(name: string) =>
      new Proxy({} as object, {
        get(_, key) {
          touched.push(`${name}.${String(key)}`);
          throw new Error(`${name} touched`);
        },
      }) as T;
    const intake = shopifyIntake({ apiSecret: "s3cret", engine: trap<Engine>("engine"), queue: trap<InboxQueue>("queue") });
    const body = JSON.stringify({ id: 1 });
    const answer = await intake({ rawBody: body, headers: shopifyHeaders("s3cret", "medusa-store", "orders/paid", body) });
    expect(answer.status).toBe(200);
    expect(answer.body.outcome).toBe("dropped: not a shop domain");
    expect(touched).toEqual([]);
  });
});
