import { describe, expect, it } from "vitest";
import { coalesce } from "../src/coalesce.ts";

/**
 * A batch run that records each batch and holds it until the test opens its gate (gates[i] for
 * runs[i]), then answers with `answer`.
 */
function heldRuns<T, R>(answer: (items: T[]) => R[]) {
  const runs: T[][] = [];
  const gates: { open(): void }[] = [];
  const run = async (items: T[]): Promise<R[]> => {
    runs.push(items);
    await new Promise<void>((resolve) => {
      gates.push({ open: () => resolve() });
    });
    return answer(items);
  };
  return { runs, gates, run };
}

describe("coalesce", () => {
  it("runs a call at once when a run is free, and gathers the calls made meanwhile into the next run", async () => {
    const { runs, gates, run } = heldRuns((items: number[]) => items.map((n) => n * 10));
    const call = coalesce(run, { maxBatch: 3, maxInFlight: 1 });
    const answers = [1, 2, 3, 4, 5, 6].map((n) => call(n));
    expect(runs).toEqual([[1]]);
    gates[0]?.open();
    await answers[0];
    await Promise.resolve();
    expect(runs).toEqual([[1], [2, 3, 4]]);
    gates[1]?.open();
    await answers[3];
    await Promise.resolve();
    expect(runs).toEqual([[1], [2, 3, 4], [5, 6]]);
    gates[2]?.open();
    expect(await Promise.all(answers)).toEqual([10, 20, 30, 40, 50, 60]);
  });

  it("keeps at most maxInFlight runs under way", async () => {
    let running = 0;
    let most = 0;
    const call = coalesce(
      async (items: number[]) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        running -= 1;
        return items;
      },
      { maxBatch: 4, maxInFlight: 2 },
    );
    const all = await Promise.all(Array.from({ length: 40 }, (_, i) => call(i)));
    expect(all).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(most).toBe(2);
  });

  it("when a batch fails, runs each of its items alone: only the bad one fails", async () => {
    const { runs, gates, run } = heldRuns((items: string[]) => {
      if (items.includes("bad")) throw new Error(`refused ${items.join("+")}`);
      return items.map((s) => s.toUpperCase());
    });
    const call = coalesce(run, { maxBatch: 8, maxInFlight: 1 });
    const first = call("first");
    const rest = ["a", "bad", "b"].map((s) =>
      call(s).then(
        (v) => ({ v }),
        (e: Error) => ({ e: e.message }),
      ),
    );
    gates[0]?.open();
    expect(await first).toBe("FIRST");
    // The batch a+bad+b runs and fails; then each alone.
    await new Promise((r) => setTimeout(r, 0));
    gates[1]?.open();
    await new Promise((r) => setTimeout(r, 0));
    for (const g of gates.slice(2)) g.open();
    expect(await Promise.all(rest)).toEqual([{ v: "A" }, { e: "refused bad" }, { v: "B" }]);
    expect(runs).toEqual([["first"], ["a", "bad", "b"], ["a"], ["bad"], ["b"]]);
  });

  it("a run that answers the wrong number of results fails its calls; bad options are refused", async () => {
    const call = coalesce(async (_items: number[]) => [], { maxBatch: 2, maxInFlight: 1 });
    await expect(call(1)).rejects.toThrow("batch of 1 answered 0 results");
    expect(() => coalesce(async (i: number[]) => i, { maxBatch: 0, maxInFlight: 1 })).toThrow("maxBatch");
    expect(() => coalesce(async (i: number[]) => i, { maxBatch: 1, maxInFlight: 1.5 })).toThrow("maxInFlight");
  });
});
