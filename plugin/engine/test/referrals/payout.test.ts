import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/index.ts";
import { type BackendName, backends, openTestEngine } from "../support/backends.ts";
import { cancel, order, refund } from "../support/events.ts";
import {
  available,
  BEFORE_PAYABLE,
  must,
  ORDER_AT,
  outboxTopics,
  PAYABLE,
  refereeOrder,
  referralProgram,
  referralsOf,
  referrer,
} from "./support.ts";

const ADA_OWN = 20;
const LATER = new Date("2026-04-30T12:00:00Z");

describe.each<BackendName>(backends)("referral payout (%s)", (backend) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
  });
  afterAll(() => engine.close());

  async function setUp() {
    const program = await referralProgram(engine, `payout-${backend}`);
    return { program, code: await referrer(engine, program) };
  }

  it("pays once the order is past the return window, exactly once however often the clock runs", async () => {
    const { program, code } = await setUp();
    await must(engine.apply(program.key, refereeOrder("bob-1", "bob", code), new Date(ORDER_AT)));
    await engine.maintain(program.key, BEFORE_PAYABLE);
    expect((await referralsOf(engine, program.id))[0]?.status).toBe("PENDING");
    expect(await available(engine, program.key, "ada", BEFORE_PAYABLE)).toBe(ADA_OWN);
    const first = await engine.maintain(program.key, PAYABLE);
    expect(first.referrals).toMatchObject({ paid: 1, voided: 0 });
    const again = await engine.maintain(program.key, LATER);
    expect(again.referrals).toMatchObject({ paid: 0, voided: 0 });
    expect(await available(engine, program.key, "ada", LATER)).toBe(ADA_OWN + 500);
    const ada = await engine.member(program.key, "ada", LATER);
    expect(ada.ok && ada.value.growth).toBe(ADA_OWN + 100);
    expect(await outboxTopics(engine, program.id, "referral.paid")).toHaveLength(1);
    expect(await engine.verify(program.key)).toEqual([]);
  });

  const undo: [string, (at: string) => unknown][] = [
    ["a full refund", (at) => refund("rf-1", "bob-1", at, { amount: 5000 })],
    ["a cancellation", (at) => cancel("bob-1", at)],
  ];
  for (const [what, event] of undo) {
    it(`${what} of the first order after it arrived voids the referral: nothing is paid`, async () => {
      const { program, code } = await setUp();
      await must(engine.apply(program.key, refereeOrder("bob-1", "bob", code), new Date(ORDER_AT)));
      await must(engine.apply(program.key, event("2026-03-12T12:00:00Z"), new Date("2026-03-12T12:00:00Z")));
      expect((await referralsOf(engine, program.id))[0]).toMatchObject({
        status: "VOID",
        note: "the first order was refunded in full or cancelled",
      });
      await engine.maintain(program.key, LATER);
      expect((await referralsOf(engine, program.id))[0]?.status).toBe("VOID");
      expect(await available(engine, program.key, "ada", LATER)).toBe(ADA_OWN);
      expect(await outboxTopics(engine, program.id, "referral.paid")).toEqual([]);
    });

    it(`${what} that arrives before its order (held) voids the referral when the order comes`, async () => {
      const { program, code } = await setUp();
      const early = await must(engine.apply(program.key, event("2026-03-12T12:00:00Z"), new Date("2026-03-09T12:00:00Z")));
      expect(early.status).toBe("held");
      await must(engine.apply(program.key, refereeOrder("bob-1", "bob", code), new Date("2026-03-13T12:00:00Z")));
      expect((await referralsOf(engine, program.id))[0]?.status).toBe("VOID");
      await engine.maintain(program.key, LATER);
      expect(await available(engine, program.key, "ada", LATER)).toBe(ADA_OWN);
    });
  }

  it("a partial refund of the first order leaves the referral to pay; refunding the rest then voids it", async () => {
    const { program, code } = await setUp();
    await must(engine.apply(program.key, refereeOrder("bob-1", "bob", code), new Date(ORDER_AT)));
    await must(
      engine.apply(program.key, refund("rf-1", "bob-1", "2026-03-12T12:00:00Z", { amount: 1000 }), new Date("2026-03-12T12:00:00Z")),
    );
    expect((await referralsOf(engine, program.id))[0]?.status).toBe("PENDING");
    await must(
      engine.apply(program.key, refund("rf-2", "bob-1", "2026-03-13T12:00:00Z", { amount: 4000 }), new Date("2026-03-13T12:00:00Z")),
    );
    expect((await referralsOf(engine, program.id))[0]?.status).toBe("VOID");
    await engine.maintain(program.key, LATER);
    expect(await available(engine, program.key, "ada", LATER)).toBe(ADA_OWN);
  });

  it("a partially refunded first order still pays the referrer once past the return window", async () => {
    const { program, code } = await setUp();
    await must(engine.apply(program.key, refereeOrder("bob-1", "bob", code), new Date(ORDER_AT)));
    await must(
      engine.apply(program.key, refund("rf-1", "bob-1", "2026-03-12T12:00:00Z", { amount: 1000 }), new Date("2026-03-12T12:00:00Z")),
    );
    await engine.maintain(program.key, LATER);
    expect((await referralsOf(engine, program.id))[0]?.status).toBe("PAID");
    expect(await available(engine, program.key, "ada", LATER)).toBe(ADA_OWN + 500);
  });

  it("a refund after the referrer was paid takes nothing back from the referral", async () => {
    const { program, code } = await setUp();
    await must(engine.apply(program.key, refereeOrder("bob-1", "bob", code), new Date(ORDER_AT)));
    await engine.maintain(program.key, PAYABLE);
    await must(engine.apply(program.key, refund("rf-1", "bob-1", "2026-04-01T12:00:00Z", { amount: 5000 }), LATER));
    expect((await referralsOf(engine, program.id))[0]?.status).toBe("PAID");
    expect(await available(engine, program.key, "ada", LATER)).toBe(ADA_OWN + 500);
  });

  it("an earlier order that arrives late shows the referred order was not the first: the referral is void at payout", async () => {
    const { program, code } = await setUp();
    await must(engine.apply(program.key, refereeOrder("bob-1", "bob", code), new Date(ORDER_AT)));
    await must(engine.apply(program.key, order("bob-0", "bob", "2026-03-01T12:00:00Z", [{ price: 1000 }]), new Date(ORDER_AT)));
    await engine.maintain(program.key, LATER);
    expect((await referralsOf(engine, program.id))[0]).toMatchObject({
      status: "VOID",
      note: "the referee had an earlier order: not their first",
    });
    expect(await available(engine, program.key, "ada", LATER)).toBe(ADA_OWN);
  });
});

describe("a clean referral's events duplicated and out of order (postgres, property)", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
  });
  afterAll(() => engine.close());

  type Step = { kind: "event"; name: string } | { kind: "clock"; at: Date };
  const clock = (at: string): Step => ({ kind: "clock", at: new Date(at) });
  /** bob joins, places his referred first order and a later one; the clock runs before, during and after the window. */
  const STEPS: Step[] = [
    { kind: "event", name: "created" },
    { kind: "event", name: "first" },
    { kind: "event", name: "second" },
    clock("2026-03-11T00:00:00Z"),
    clock("2026-03-25T00:00:00Z"),
    clock("2026-04-02T00:00:00Z"),
  ];

  it("the referrer is paid exactly once, 500 points and 100 growth, whatever the order and duplicates", async () => {
    const steps = fc
      .array(fc.constantFrom(...STEPS.keys()), { maxLength: 4 })
      .chain((dups) => fc.shuffledSubarray([...STEPS.keys(), ...dups], { minLength: STEPS.length + dups.length }));
    await fc.assert(
      fc.asyncProperty(steps, async (sequence) => {
        const program = await referralProgram(engine, "payout-prop");
        const code = await referrer(engine, program);
        const events: Record<string, unknown> = {
          created: { type: "customer.created", customerId: "bob", occurredAt: "2026-03-09T12:00:00Z", email: "bob@example.com" },
          first: refereeOrder("bob-1", "bob", code),
          second: order("bob-2", "bob", "2026-03-20T12:00:00Z", [{ price: 1000 }]),
        };
        let now = new Date(ORDER_AT);
        for (const i of sequence) {
          const step = STEPS[i] as Step;
          if (step.kind === "clock") {
            now = step.at > now ? step.at : now;
            await engine.maintain(program.key, step.at);
          } else {
            const r = await engine.apply(program.key, events[step.name], now);
            if (!r.ok) expect(r.error.code).toBe("AlreadyApplied");
          }
        }
        const end = new Date("2026-05-01T00:00:00Z");
        await engine.maintain(program.key, end);
        const rows = await referralsOf(engine, program.id);
        expect(rows.map((r) => [r.status, r.points])).toEqual([["PAID", 500]]);
        expect(await available(engine, program.key, "ada", end)).toBe(ADA_OWN + 500);
        const ada = await engine.member(program.key, "ada", end);
        expect(ada.ok && ada.value.growth).toBe(ADA_OWN + 100);
        expect(await outboxTopics(engine, program.id, "referral.paid")).toHaveLength(1);
        expect(await engine.verify(program.key)).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });
});
