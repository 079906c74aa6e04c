/** What a job's handler is told about the attempt it runs in. */
export interface Attempt {
  /** 1 for the first run, 2 for the first retry, ... */
  number: number;
  /** No retry follows if this one fails: the delivery becomes a dead letter. */
  final: boolean;
}

export type InboxHandler = (inboxId: number, attempt: Attempt) => Promise<void>;

/**
 * A queue of inbox ids. The inbox row in Postgres is the source of truth; the queue only says
 * "look at row N". Enqueueing an id already waiting, delayed or running is a no-op.
 */
export interface InboxQueue {
  /** `fresh`: the inbox row was just inserted, so no job can exist for it yet (skips a lookup). */
  enqueue(inboxId: number, options?: { fresh?: boolean }): Promise<void>;
  /** Starts taking jobs with this handler (once per queue); resolves once processing has started. */
  process(handler: InboxHandler): Promise<void>;
  /** True when the queue can take jobs (Redis answers, or the in-process queue is open). */
  ping(): Promise<boolean>;
  /**
   * Runs `run` every `everyMs` from now on. On Redis the schedule is a bull repeatable job: every
   * process sharing the queue may set it up, and each period's run still happens once, in one of
   * them. In process it is a timer. A run still going when the next one is due is not doubled.
   */
  every(task: string, everyMs: number, run: () => Promise<void>): Promise<void>;
  /** Job counts by state (waiting, active, delayed, failed, ...). */
  counts(): Promise<Record<string, number>>;
  /** Stops taking jobs, waits for the running ones, releases connections. */
  close(): Promise<void>;
}

/** A pino-compatible logger (pino's Logger satisfies it). */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

/** Exponential backoff as bull computes it: (2^failures − 1) × backoffMs, i.e. 1×, 3×, 7×, 15× ... */
export function backoffDelay(backoffMs: number, failures: number): number {
  return Math.round((2 ** Math.max(1, failures) - 1) * backoffMs);
}
