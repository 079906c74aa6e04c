import { describe, expect, it } from "vitest";
import { LoyaltyError } from "../src/data/client.ts";
import { keyedAction } from "../src/data/keyed-action.ts";
import { expiringSoon, tierProgress } from "../src/data/progress.ts";
import type { Member } from "../src/data/types.ts";

const member = (growth: number, threshold: number, remaining: number | null): Member => ({
  customerId: "1",
  tier: { key: "silver", name: "Silver", threshold, badge: null },
  points: { available: 0, pending: 0, expiringSoon: [] },
  growth,
  nextTier: remaining === null ? null : { key: "gold", name: "Gold", remaining },
});

describe("tierProgress", () => {
  it("measures from the current tier's threshold to the next one's, and is null at the top tier", () => {
    expect(tierProgress(member(1_500, 500, 500))).toEqual({ nextName: "Gold", remaining: 500, percent: 66 });
    expect(tierProgress(member(500, 500, 1_500))).toEqual({ nextName: "Gold", remaining: 1_500, percent: 0 });
    expect(tierProgress(member(2_000, 2_000, null))).toBeNull();
  });
});

describe("expiringSoon", () => {
  it("sums the batches and names the earliest day; none → null", () => {
    const m = member(0, 0, null);
    m.points.expiringSoon = [
      { points: 120, on: "2026-12-20T00:00:00.000Z" },
      { points: 30, on: "2026-12-09T00:00:00.000Z" },
    ];
    expect(expiringSoon(m)).toEqual({ points: 150, first: "2026-12-09T00:00:00.000Z" });
    expect(expiringSoon(member(0, 0, null))).toBeNull();
  });
});

describe("keyedAction", () => {
  const instant = { wait: async () => {} };

  it("a second run while the first is in flight sends nothing more and gets the same answer", async () => {
    const sent: string[] = [];
    let release: (v: string) => void = () => {};
    const action = keyedAction(
      (_t, key) => {
        sent.push(key);
        return new Promise<string>((r) => {
          release = r;
        });
      },
      { ...instant, newKey: () => `k${sent.length}` },
    );
    const first = action.run("five-off");
    const second = action.run("five-off");
    release("CODE-1");
    expect(await Promise.all([first, second])).toEqual(["CODE-1", "CODE-1"]);
    expect(sent).toEqual(["k0"]);
  });

  it("resends a retryable failure with the same key, keeps the key after the last retry, and starts afresh after a definitive answer", async () => {
    const sent: string[] = [];
    let failures = 4;
    let n = 0;
    const action = keyedAction(
      async (_t, key) => {
        sent.push(key);
        if (failures-- > 0) throw new LoyaltyError("Failed to fetch", "NETWORK", true);
        return "CODE";
      },
      { ...instant, retries: 2, newKey: () => `key-${n++}` },
    );
    await expect(action.run("r")).rejects.toThrow("Failed to fetch");
    expect(sent).toEqual(["key-0", "key-0", "key-0"]);
    expect(action.pendingKey("r")).toBe("key-0");
    expect(await action.run("r")).toBe("CODE");
    expect(sent).toEqual(["key-0", "key-0", "key-0", "key-0", "key-0"]);
    expect(action.pendingKey("r")).toBeUndefined();
  });

  it("a refusal is not resent and the next click gets a new key", async () => {
    const sent: string[] = [];
    let n = 0;
    const action = keyedAction(
      async (_t, key) => {
        sent.push(key);
        throw new LoyaltyError("not enough points", "InsufficientPoints", false);
      },
      { ...instant, newKey: () => `key-${n++}` },
    );
    await expect(action.run("r")).rejects.toThrow("not enough points");
    await expect(action.run("r")).rejects.toThrow("not enough points");
    expect(sent).toEqual(["key-0", "key-1"]);
  });
});
