import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultProgramConfig, type Engine } from "../../src/index.ts";
import { openTestEngine, uniqueProgramKey } from "../support/backends.ts";
import { order } from "../support/events.ts";

const start = new Date("2026-03-01T00:00:00Z");
const EIGHT_HOURS = 8 * 3600_000;

describe("events out: per-member order under any pattern of failures (postgres)", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
  });
  afterAll(() => engine.close());

  it("given events of a few members and receivers failing at random, then each claim hands out a member's earliest undelivered event only, and all arrive", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom("m1", "m2", "m3"), { minLength: 1, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        async (members, outcomes, limit) => {
          const key = uniqueProgramKey("order-prop");
          const created = await engine.createProgram({
            key,
            platform: "shopify",
            config: defaultProgramConfig("USD"),
            actor: "t",
            now: start,
          });
          if (!created.ok) throw new Error(created.error.message);
          const made = await engine.events.endpoints.create({
            program: key,
            url: "https://r.example/h",
            topics: ["points.earned"],
            actor: "t",
            now: start,
          });
          if (!made.ok) throw new Error(made.error.message);
          for (const [i, m] of members.entries()) {
            const r = await engine.apply(key, order(`o${i}`, m, "2026-02-20T10:00:00Z", [{ price: 1000 + i }]), start);
            if (!r.ok) throw new Error(r.error.message);
          }
          const undelivered = new Map<string, bigint[]>();
          const page = await engine.events.deliveries(key, { first: 200 });
          if (!page.ok) throw new Error(page.error.message);
          for (const d of page.value.deliveries)
            undelivered.set(d.customerId ?? "", [...(undelivered.get(d.customerId ?? "") ?? []), BigInt(d.eventId)]);
          for (const ids of undelivered.values()) ids.sort((a, b) => (a < b ? -1 : 1));
          let clock = start;
          let turn = 0;
          for (let round = 0; round < 200 && [...undelivered.values()].some((ids) => ids.length > 0); round++) {
            const claimed = await engine.events.claim(key, "webhook", clock, { limit });
            const perMember = new Set<string>();
            const settled = claimed.map((d) => {
              const member = d.customerId ?? "";
              expect(perMember.has(member)).toBe(false);
              perMember.add(member);
              expect(BigInt(d.eventId)).toBe(undelivered.get(member)?.[0]);
              const ok = round > 100 || (outcomes[turn++ % outcomes.length] ?? true);
              if (ok) undelivered.get(member)?.shift();
              return ok
                ? { id: d.id, claim: d.claim, delivered: true, status: 200 }
                : { id: d.id, claim: d.claim, delivered: false, status: 503, error: "HTTP 503" };
            });
            await engine.events.settle(key, clock, settled, { maxAttempts: 1000 });
            if (claimed.length === 0) clock = new Date(clock.getTime() + EIGHT_HOURS);
          }
          expect([...undelivered.values()].flat()).toEqual([]);
          const left = await engine.events.deliveries(key, { first: 200 });
          expect(left.ok && left.value.deliveries.every((d) => d.status === "delivered")).toBe(true);
        },
      ),
      { numRuns: 12 },
    );
  });
});
