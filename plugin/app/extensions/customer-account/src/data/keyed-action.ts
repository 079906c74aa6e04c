import { LoyaltyError } from "./client.ts";

export interface KeyedActionOptions {
  /** A fresh idempotency key per shopper action. */
  newKey?: () => string;
  /** Resends with the same key after a retryable failure, before giving up. */
  retries?: number;
  /** Waits `ms` before a resend (tests pass one that does not wait). */
  wait?: (ms: number) => Promise<void>;
  retryMs?: number;
}

/**
 * One idempotency key per click, reused on every retry: `run(target)` while a call for the same
 * target is running returns that call (a double click sends nothing more); a retryable failure is
 * resent with the same key a few times, and if it still fails the key is kept, so the shopper's
 * "try again" click reuses it too. The key is dropped once the server has given a definitive
 * answer (success, or a refusal), so the next click is a new redemption.
 */
export function keyedAction<T>(send: (target: string, key: string) => Promise<T>, options: KeyedActionOptions = {}) {
  const newKey = options.newKey ?? (() => crypto.randomUUID());
  const retries = options.retries ?? 2;
  const wait = options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const retryMs = options.retryMs ?? 500;
  const keys = new Map<string, string>();
  const running = new Map<string, Promise<T>>();

  const attempt = async (target: string, key: string): Promise<T> => {
    for (let n = 0; ; n++) {
      try {
        const value = await send(target, key);
        keys.delete(target);
        return value;
      } catch (e) {
        const retryable = e instanceof LoyaltyError && e.retryable;
        if (!retryable) keys.delete(target);
        if (!retryable || n >= retries) throw e;
        await wait(retryMs * 2 ** n);
      }
    }
  };

  return {
    run(target: string): Promise<T> {
      const inFlight = running.get(target);
      if (inFlight) return inFlight;
      let key = keys.get(target);
      if (key === undefined) {
        key = newKey();
        keys.set(target, key);
      }
      const call = attempt(target, key).finally(() => running.delete(target));
      running.set(target, call);
      return call;
    },
    /** The key a retry of `target` would send (undefined: the next click starts afresh). */
    pendingKey: (target: string): string | undefined => keys.get(target),
  };
}
