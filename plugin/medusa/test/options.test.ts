import { describe, expect, it } from "vitest";
import { parseOptions } from "../src/modules/kinship/options";

describe("plugin options", () => {
  it("default to a USD program earning on placement and reversing on refunds, with the default tiers", () => {
    const o = parseOptions({});
    expect(o).toMatchObject({
      program: "medusa-store",
      currency: "USD",
      earnOn: "order.placed",
      reverseOn: "refund",
      poolSize: 5,
      attempts: 5,
    });
    expect((o.config.tiers as { key: string }[]).map((t) => t.key)).toEqual(["member", "silver", "gold"]);
    expect(o.config.currency).toBe("USD");
  });

  it("take a lowercase currency and the key Medusa adds itself (database)", () => {
    const o = parseOptions({ currency: "eur", program: "my-store", database: { clientUrl: "postgres://x" } });
    expect(o.currency).toBe("EUR");
    expect(o.program).toBe("my-store");
    expect(o.config.currency).toBe("EUR");
  });

  it("refuse a typo, a bad program key and a bad choice, naming each", () => {
    expect(() => parseOptions({ earnOnn: "order.placed" })).toThrow(/invalid plugin options: .*earnOnn/);
    expect(() => parseOptions({ program: "My Store" })).toThrow(/program: lowercase letters/);
    expect(() => parseOptions({ reverseOn: "both" })).toThrow(/reverseOn/);
    expect(() => parseOptions({ currency: "dollars" })).toThrow(/currency: an ISO 4217 code/);
  });

  it("take a storefront address for referral links, and refuse one that is not http(s)", () => {
    expect(parseOptions({ storefrontUrl: "https://shop.example.com/" }).storefrontUrl).toBe("https://shop.example.com/");
    expect(parseOptions({}).storefrontUrl).toBeUndefined();
    expect(() => parseOptions({ storefrontUrl: "shop.example.com" })).toThrow(/storefrontUrl: an http\(s\) address/);
    expect(() => parseOptions({ storefrontUrl: "ftp://shop.example.com/" })).toThrow(/storefrontUrl/);
  });
});
