import { describe, expect, it } from "vitest";
import { ShopPacer } from "../src/shopify/pacer.ts";

/** A pacer on a fake clock: sleeping moves the clock, and every wait is recorded. */
function paced(bucket = { maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 }) {
  let clock = 0;
  const waits: number[] = [];
  const pacer = new ShopPacer({
    now: () => clock,
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    assumed: bucket,
  });
  return { pacer, waits, advance: (ms: number) => (clock += ms), at: () => clock };
}

describe("the per-shop pacer", () => {
  it("spends down to half the bucket without waiting, then at the restore rate", async () => {
    const { pacer, waits, at } = paced();
    for (let i = 0; i < 100; i++) await pacer.take(10);
    expect(waits).toEqual([]);
    expect(pacer.available()).toBe(1000);
    for (let i = 0; i < 50; i++) await pacer.take(10);
    // 500 more points at 100/s: 5 s, never below half.
    expect(at()).toBe(5000);
    expect(pacer.available()).toBe(1000);
  });

  it("Shopify's figures replace the projection, and the operation's cost is remembered", async () => {
    const { pacer, waits } = paced();
    pacer.observe("KinshipTierSync", {
      requestedQueryCost: 40,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1020, restoreRate: 100 },
    });
    expect(pacer.estimate("KinshipTierSync", 10)).toBe(40);
    expect(pacer.estimate("Other", 10)).toBe(10);
    await pacer.take(40);
    // 1020 − 40 would leave 980 < 1000: wait for 20 points.
    expect(waits).toEqual([200]);
  });

  it("a throttled answer (bucket empty) makes the next call wait for the reserve to refill", async () => {
    const { pacer, waits } = paced();
    pacer.observe("KinshipTierSync", {
      requestedQueryCost: 10,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 5, restoreRate: 100 },
    });
    await pacer.take(10);
    expect(waits).toEqual([Math.ceil(((1010 - 5) / 100) * 1000)]);
  });

  it("concurrent callers take turns: their waits add up to the restore rate, not a burst", async () => {
    const { pacer, at } = paced({ maximumAvailable: 1000, currentlyAvailable: 500, restoreRate: 50 });
    await Promise.all(Array.from({ length: 20 }, () => pacer.take(10)));
    // 200 points at 50/s, all above half the bucket.
    expect(at()).toBe(4000);
    expect(pacer.available()).toBe(500);
  });

  it("a call dearer than the spare half waits for a full bucket, not for ever", async () => {
    const { pacer, waits } = paced({ maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 50 });
    await pacer.take(800);
    expect(waits).toEqual([]);
    await pacer.take(800);
    expect(waits).toEqual([Math.ceil((800 / 50) * 1000)]);
  });

  it("interactive spends are booked at once and slow the background down", async () => {
    const { pacer, waits } = paced({ maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 50 });
    pacer.spend(500);
    await pacer.take(10);
    expect(waits).toEqual([200]);
  });
});
