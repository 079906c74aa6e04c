/** Shopify's leaky bucket as its answers report it (`extensions.cost.throttleStatus`). */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface PacerOptions {
  /** Milliseconds on a monotonic clock (default performance.now). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** The share of the bucket Kinship leaves untouched for the merchant's other apps (default 0.5). */
  reserve?: number;
  /** Until Shopify has answered once: the smallest plan's bucket, so a first burst cannot throttle. */
  assumed?: ThrottleStatus;
}

/**
 * One shop's bucket as this process sees it. Before a call, `take(cost)` waits until the bucket,
 * projected from the last answer at its restore rate, can pay the call and still hold `reserve` of
 * its maximum; after, `observe` replaces the projection with what Shopify reported. Calls of one
 * shop queue behind each other for their turn, so concurrent callers share the restore rate
 * instead of racing for it. Other processes' calls show up in Shopify's figures at the next answer.
 */
export class ShopPacer {
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly reserve: number;
  private bucket: ThrottleStatus;
  private at: number;
  private turn: Promise<void> = Promise.resolve();
  /** What the last answers cost, per operation, as the estimate of the next one. */
  private readonly costs = new Map<string, number>();

  constructor(options: PacerOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
    this.reserve = options.reserve ?? 0.5;
    this.bucket = options.assumed ?? { maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 50 };
    this.at = this.now();
  }

  /** Points available now, projected from the last figure Shopify gave. */
  available(): number {
    const { maximumAvailable, currentlyAvailable, restoreRate } = this.bucket;
    return Math.min(maximumAvailable, currentlyAvailable + ((this.now() - this.at) / 1000) * restoreRate);
  }

  /** The expected cost of an operation: what it cost last time, else `fallback`. */
  estimate(operation: string, fallback: number): number {
    return this.costs.get(operation) ?? fallback;
  }

  /** Waits for the turn to spend `cost` points, then books them. */
  take(cost: number): Promise<void> {
    const mine = this.turn.then(async () => {
      const floor = this.bucket.maximumAvailable * this.reserve;
      // A call dearer than the spare half waits for the full bucket, not for ever.
      const need = Math.min(cost + floor, this.bucket.maximumAvailable);
      const short = need - this.available();
      if (short > 0) await this.sleep(Math.ceil((short / this.bucket.restoreRate) * 1000));
      this.book(cost);
    });
    this.turn = mine.catch(() => undefined);
    return mine;
  }

  /** Books an interactive call's points without waiting: a shopper is not queued behind the sync. */
  spend(cost: number): void {
    this.book(cost);
  }

  /** Shopify's figures from an answer (a throttled one too); `actualCost` corrects the booking. */
  observe(
    operation: string,
    cost: { requestedQueryCost?: number; actualQueryCost?: number | null; throttleStatus?: Partial<ThrottleStatus> } | undefined,
  ): void {
    if (!cost) return;
    if (typeof cost.requestedQueryCost === "number") this.costs.set(operation, cost.requestedQueryCost);
    const s = cost.throttleStatus;
    if (
      s &&
      typeof s.currentlyAvailable === "number" &&
      typeof s.maximumAvailable === "number" &&
      typeof s.restoreRate === "number" &&
      s.restoreRate > 0
    ) {
      this.bucket = { maximumAvailable: s.maximumAvailable, currentlyAvailable: s.currentlyAvailable, restoreRate: s.restoreRate };
      this.at = this.now();
    }
  }

  private book(cost: number): void {
    this.bucket = { ...this.bucket, currentlyAvailable: this.available() - cost };
    this.at = this.now();
  }
}

/** One pacer per shop for the whole process: every client of a shop shares its bucket. */
export class ShopPacers {
  private readonly byShop = new Map<string, ShopPacer>();
  private readonly options: PacerOptions;
  constructor(options: PacerOptions = {}) {
    this.options = options;
  }
  for(shop: string): ShopPacer {
    const known = this.byShop.get(shop);
    if (known) return known;
    const pacer = new ShopPacer(this.options);
    this.byShop.set(shop, pacer);
    return pacer;
  }
}

export const processPacers = new ShopPacers();
