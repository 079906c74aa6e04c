export interface CoalesceOptions {
  /** Most items in one run. */
  maxBatch: number;
  /** Runs under way at once; items arriving while all are busy wait and go together in the next. */
  maxInFlight: number;
}

/**
 * Turns a batch operation into a per-item call. A call made while a run is free starts one at once
 * (no timer, so no added latency when idle); calls made while every run is busy are gathered and
 * go together in the next run, so under load N callers share one round trip and one commit.
 * If a run of several items fails, each item is run alone, so a bad item fails only its own call.
 * `run` answers one result per item, in order.
 */
export function coalesce<T, R>(run: (items: T[]) => Promise<R[]>, options: CoalesceOptions): (item: T) => Promise<R> {
  const { maxBatch, maxInFlight } = options;
  if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError(`maxBatch must be a positive integer, got ${maxBatch}`);
  if (!Number.isInteger(maxInFlight) || maxInFlight < 1) throw new RangeError(`maxInFlight must be a positive integer, got ${maxInFlight}`);
  type Waiting = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void };
  const waiting: Waiting[] = [];
  let inFlight = 0;

  async function runChecked(items: T[]): Promise<R[]> {
    const results = await run(items);
    if (results.length !== items.length) throw new Error(`batch of ${items.length} answered ${results.length} results`);
    return results;
  }

  async function settle(batch: Waiting[]): Promise<void> {
    try {
      const results = await runChecked(batch.map((w) => w.item));
      batch.forEach((w, i) => {
        w.resolve(results[i] as R);
      });
    } catch (e) {
      if (batch.length === 1) {
        batch[0]?.reject(e);
        return;
      }
      await Promise.all(
        batch.map(async (w) => {
          try {
            w.resolve(((await runChecked([w.item])) as [R])[0]);
          } catch (alone) {
            w.reject(alone);
          }
        }),
      );
    }
  }

  function next(): void {
    while (inFlight < maxInFlight && waiting.length > 0) {
      const batch = waiting.splice(0, maxBatch);
      inFlight += 1;
      void settle(batch).finally(() => {
        inFlight -= 1;
        next();
      });
    }
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      next();
    });
}
