import type { Engine } from "@kinship/engine";
import { HttpResponse } from "msw";
import { graphql } from "msw/graphql";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openTestEngine } from "../../../engine/test/support/backends.ts";
import { decimalAmount, redeem, shopifyIssuer } from "../../src/rewards/index.ts";
import { available, CODE, lots, memberWith, NOW, redemptions, rewardsProgram, verified } from "./support.ts";

const VERSION = "2026-10";
const server = setupServer();
let engine: Engine;

beforeAll(async () => {
  server.listen({ onUnhandledFrame: "error" });
  engine = await openTestEngine("postgres");
});
afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await engine.close();
});

interface Seen {
  operation: string;
  variables: Record<string, unknown>;
  token: string | null;
}

const created = (field: string, id = "gid://shopify/DiscountCodeNode/777") =>
  HttpResponse.json({ data: { [field]: { codeDiscountNode: { id }, userErrors: [] } } });

const throttled = () =>
  HttpResponse.json({
    errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/limits" } }],
    extensions: {
      cost: {
        requestedQueryCost: 10,
        actualQueryCost: null,
        throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 2, restoreRate: 100 },
      },
    },
  });

/** The shop's Admin API, answering each call with the next of `answers` and recording what it was sent. */
function shop(domain: string, answers: ((operation: string) => Response)[]): Seen[] {
  const seen: Seen[] = [];
  const admin = graphql.link(`https://${domain}/admin/api/${VERSION}/graphql.json`);
  server.use(
    admin.operation(({ operationName, variables, request }) => {
      seen.push({
        operation: operationName ?? "",
        variables: variables as Record<string, unknown>,
        token: request.headers.get("x-shopify-access-token"),
      });
      const answer = answers[Math.min(seen.length - 1, answers.length - 1)];
      if (!answer) throw new Error("no answer");
      return answer(operationName ?? "");
    }),
  );
  return seen;
}

async function setUp(points = 1000) {
  const program = await rewardsProgram(engine);
  await memberWith(engine, program, "7602385453215", points);
  const waits: number[] = [];
  const issuer = shopifyIssuer({
    shop: program,
    accessToken: "shpat_secret",
    apiVersion: VERSION,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  const call = (rewardId: string) => redeem({ engine, issuer, program, customerId: "7602385453215", rewardId, now: NOW });
  return { program, waits, call };
}

describe("the Shopify issuer (msw as the Admin API)", () => {
  it("creates a one-use code for this customer only: amount as a decimal string from minor units", async () => {
    const { program, call } = await setUp();
    const seen = shop(program, [() => created("discountCodeBasicCreate")]);
    const r = await call("five-off");
    expect(r).toMatchObject({ ok: true, value: { rewardId: "five-off", points: 100 } });
    const code = r.ok ? r.value.code : "";
    expect(code).toMatch(CODE);
    expect(seen).toEqual([
      {
        operation: "KinshipRewardCode",
        token: "shpat_secret",
        variables: {
          input: {
            title: "$5 off (Kinship reward)",
            code,
            startsAt: NOW.toISOString(),
            context: { customers: { add: ["gid://shopify/Customer/7602385453215"] } },
            usageLimit: 1,
            appliesOncePerCustomer: true,
            customerGets: { value: { discountAmount: { amount: "5.00", appliesOnEachItem: false } }, items: { all: true } },
          },
        },
      },
    ]);
    expect(await available(engine, program, "7602385453215")).toBe(900);
    expect(await redemptions(engine, program)).toMatchObject([
      { status: "confirmed", code, platform_ref: "gid://shopify/DiscountCodeNode/777", error: null },
    ]);
    await verified(engine, program);
  });

  it("percentOff is a percentage; freeShipping uses discountCodeFreeShippingCreate", async () => {
    const { program, call } = await setUp();
    const seen = shop(program, [
      (op) => created(op === "KinshipFreeShippingCode" ? "discountCodeFreeShippingCreate" : "discountCodeBasicCreate"),
    ]);
    expect((await call("ten-pct")).ok).toBe(true);
    expect((await call("ship")).ok).toBe(true);
    expect(seen.map((s) => s.operation)).toEqual(["KinshipRewardCode", "KinshipFreeShippingCode"]);
    expect(seen[0]?.variables.input).toMatchObject({ customerGets: { value: { percentage: 0.1 }, items: { all: true } } });
    expect(seen[1]?.variables.input).toMatchObject({
      destination: { all: true },
      usageLimit: 1,
      context: { customers: { add: ["gid://shopify/Customer/7602385453215"] } },
    });
    expect(await available(engine, program, "7602385453215")).toBe(750);
  });

  it("userErrors: the redemption fails with Shopify's message and the points come back exactly", async () => {
    const { program, call } = await setUp();
    const before = await lots(engine, program, "7602385453215");
    shop(program, [
      () =>
        HttpResponse.json({
          data: {
            discountCodeBasicCreate: {
              codeDiscountNode: null,
              userErrors: [{ field: ["basicCodeDiscount", "code"], code: "TAKEN", message: "Code must be unique" }],
            },
          },
        }),
    ]);
    const r = await call("five-off");
    expect(r).toEqual({
      ok: false,
      error: { code: "DiscountFailed", message: "basicCodeDiscount.code: Code must be unique", retryable: false },
    });
    expect(await available(engine, program, "7602385453215")).toBe(1000);
    expect(await lots(engine, program, "7602385453215")).toEqual(before);
    expect(await redemptions(engine, program)).toMatchObject([
      { status: "cancelled", error: "basicCodeDiscount.code: Code must be unique" },
    ]);
    await verified(engine, program);
  });

  it("THROTTLED then success: one bounded wait, one retry, one code", async () => {
    const { program, waits, call } = await setUp();
    const seen = shop(program, [throttled, () => created("discountCodeBasicCreate")]);
    const r = await call("five-off");
    expect(r.ok).toBe(true);
    expect(seen).toHaveLength(2);
    expect(seen[0]?.variables).toEqual(seen[1]?.variables);
    expect(waits).toEqual([80]); // (10 − 2) points at 100 points/s
    expect(await redemptions(engine, program)).toMatchObject([{ status: "confirmed", code: r.ok ? r.value.code : "" }]);
    expect(await available(engine, program, "7602385453215")).toBe(900);
  });

  it("still THROTTLED after the retry: a retryable failure, points back", async () => {
    const { program, waits, call } = await setUp();
    const seen = shop(program, [throttled]);
    const r = await call("five-off");
    expect(r).toMatchObject({ ok: false, error: { code: "DiscountFailed", retryable: true } });
    expect(seen).toHaveLength(2);
    expect(waits).toHaveLength(1);
    expect(await available(engine, program, "7602385453215")).toBe(1000);
    await verified(engine, program);
  });

  it("a network error is compensated: no code, points back", async () => {
    const { program, call } = await setUp();
    shop(program, [() => HttpResponse.error()]);
    const r = await call("five-off");
    expect(r).toMatchObject({ ok: false, error: { code: "DiscountFailed", retryable: true } });
    expect(!r.ok && r.error.message).toMatch(/^could not reach Shopify/);
    expect(await available(engine, program, "7602385453215")).toBe(1000);
    expect(await redemptions(engine, program)).toMatchObject([{ status: "cancelled" }]);
    await verified(engine, program);
  });

  it("an HTTP error (revoked token) is a failure that is not retried", async () => {
    const { program, call } = await setUp();
    const seen = shop(program, [() => HttpResponse.json({ errors: "[API] Invalid API key or access token" }, { status: 401 })]);
    const r = await call("five-off");
    expect(r).toMatchObject({ ok: false, error: { code: "DiscountFailed", retryable: false } });
    expect(!r.ok && r.error.message).toMatch(/^Shopify answered HTTP 401/);
    expect(seen).toHaveLength(1);
    expect(await available(engine, program, "7602385453215")).toBe(1000);
  });

  it("amounts follow the currency's minor units", () => {
    expect(decimalAmount(500, "USD")).toBe("5.00");
    expect(decimalAmount(5, "USD")).toBe("0.05");
    expect(decimalAmount(1234567, "EUR")).toBe("12345.67");
    expect(decimalAmount(500, "JPY")).toBe("500");
    expect(decimalAmount(1500, "KWD")).toBe("1.500");
  });
});
