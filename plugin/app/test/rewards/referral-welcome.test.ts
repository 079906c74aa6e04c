import type { Engine } from "@kinship/engine";
import { HttpResponse } from "msw";
import { graphql } from "msw/graphql";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { must, ORDER_AT, refereeOrder, referralProgram, referrer } from "../../../engine/test/referrals/support.ts";
import { openTestEngine } from "../../../engine/test/support/backends.ts";
import { localIssuer, shopifyIssuer } from "../../src/rewards/index.ts";
import { issueReferralWelcomes } from "../../src/rewards/referral-welcome.ts";

const VERSION = "2026-10";
const SHOP = "welcome-shop.myshopify.com";
const NOW = new Date("2026-03-11T00:00:00Z");
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

/** The shop's Admin API answering each call with the next answer; what it was sent is recorded. */
function shop(answers: (() => Response)[]): Record<string, unknown>[] {
  const seen: Record<string, unknown>[] = [];
  server.use(
    graphql.link(`https://${SHOP}/admin/api/${VERSION}/graphql.json`).operation(({ variables }) => {
      seen.push((variables as { input: Record<string, unknown> }).input);
      const answer = answers[Math.min(seen.length - 1, answers.length - 1)];
      if (!answer) throw new Error("no answer");
      return answer();
    }),
  );
  return seen;
}

const created = () =>
  HttpResponse.json({
    data: { discountCodeBasicCreate: { codeDiscountNode: { id: "gid://shopify/DiscountCodeNode/9" }, userErrors: [] } },
  });
const taken = () =>
  HttpResponse.json({
    data: {
      discountCodeBasicCreate: {
        codeDiscountNode: null,
        userErrors: [{ field: ["basicCodeDiscount", "code"], code: "TAKEN", message: "Code must be unique." }],
      },
    },
  });
const down = () => new HttpResponse("unavailable", { status: 503 });

/** A clean referral (bob, referred by ada) and a flagged one (cy, same IP as ada): only bob is owed a welcome code. */
async function referred() {
  const program = await referralProgram(engine, "welcome");
  const code = await referrer(engine, program);
  await must(engine.apply(program.key, refereeOrder("bob-1", "bob", code), new Date(ORDER_AT)));
  await must(engine.apply(program.key, refereeOrder("cy-1", "cy", code, { ip: "203.0.113.7" }), new Date(ORDER_AT)));
  return program;
}

const issuer = () => shopifyIssuer({ shop: SHOP, accessToken: async () => "shpat_test", apiVersion: VERSION });

async function welcomeCodes(programId: number): Promise<Record<string, string | null>> {
  const page = await engine.referrals.list(programId, { status: null, first: 10, beforeId: null });
  return Object.fromEntries(page.referrals.map((r) => [r.refereeId, r.welcomeCode]));
}

describe("referees' welcome codes", () => {
  it("a failed issue is retried with the same reserved code; once issued, never again", async () => {
    const program = await referred();
    const seen = shop([down, created]);
    const first = await issueReferralWelcomes({ engine, issuer: issuer(), program: program.key, now: NOW });
    expect(first).toEqual({ issued: 0, failed: 1 });
    expect(await welcomeCodes(program.id)).toEqual({ bob: null, cy: null });
    const second = await issueReferralWelcomes({ engine, issuer: issuer(), program: program.key, now: NOW });
    expect(second).toEqual({ issued: 1, failed: 0 });
    const third = await issueReferralWelcomes({ engine, issuer: issuer(), program: program.key, now: NOW });
    expect(third).toEqual({ issued: 0, failed: 0 });
    expect(seen).toHaveLength(2);
    expect(seen[0]?.code).toBe(seen[1]?.code);
    expect(seen[1]).toMatchObject({
      code: expect.stringMatching(/^KREF-/),
      usageLimit: 1,
      context: { customers: { add: ["gid://shopify/Customer/bob"] } },
      customerGets: { value: { discountAmount: { amount: "10.00", appliesOnEachItem: false } }, items: { all: true } },
    });
    expect(await welcomeCodes(program.id)).toEqual({ bob: seen[1]?.code, cy: null });
  });

  it("a code the shop already has (an earlier run's answer lost) counts as issued", async () => {
    const program = await referred();
    const seen = shop([taken]);
    expect(await issueReferralWelcomes({ engine, issuer: issuer(), program: program.key, now: NOW })).toEqual({ issued: 1, failed: 0 });
    expect(await welcomeCodes(program.id)).toMatchObject({ bob: seen[0]?.code });
  });

  it("an approved referral's referee gets a code too; programs without a platform get local codes", async () => {
    const program = await referred();
    const queue = await engine.referrals.list(program.id, { status: "FLAGGED", first: 10, beforeId: null });
    const cy = queue.referrals[0]?.id ?? "";
    await must(
      engine.referrals.review(await must(engine.program(program.key)), { id: cy, approve: true, note: null, actor: "owner" }, NOW),
    );
    expect(await issueReferralWelcomes({ engine, issuer: localIssuer(), program: program.key, now: NOW })).toEqual({
      issued: 2,
      failed: 0,
    });
    const codes = await welcomeCodes(program.id);
    expect(codes.bob).toMatch(/^KREF-/);
    expect(codes.cy).toMatch(/^KREF-/);
    expect(codes.bob).not.toBe(codes.cy);
  });
});
