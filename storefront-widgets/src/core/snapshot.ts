import type { Member, MemberPrice, Perk, Reward } from "./types.ts";

/** The last good answers, kept per endpoint + program + customer to show when the API is down. */
export interface Snapshot {
  me?: Member | null;
  prices?: Record<string, MemberPrice>;
  rewards?: Reward[];
  perks?: Perk[];
}

export interface SnapshotStore {
  read(): Snapshot;
  write(patch: Snapshot): void;
}

/** Prices kept per customer; older ones are dropped first. */
const MAX_PRICES = 300;

export function snapshotKey(endpoint: string, program: string | undefined, customer: string): string {
  return `kinship:v1:${endpoint}|${program ?? ""}|${customer}`;
}

/** localStorage may be missing (server), blocked (privacy modes throw) or full: then nothing is kept. */
export function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Touches storage only when read or written (never while rendering on a server). */
export function snapshotStore(key: string | undefined, storage: () => Storage | undefined = browserStorage): SnapshotStore {
  const read = (): Snapshot => {
    try {
      return (key && JSON.parse(storage()?.getItem(key) as string)) || {};
    } catch {
      return {};
    }
  };
  return {
    read,
    write(patch) {
      if (!key) return;
      const old = read();
      const next = { ...old, ...patch };
      if (patch.prices) {
        const kept = { ...old.prices };
        for (const id in patch.prices) delete kept[id];
        next.prices = Object.fromEntries(Object.entries({ ...kept, ...patch.prices }).slice(-MAX_PRICES));
      }
      try {
        storage()?.setItem(key, JSON.stringify(next));
      } catch {}
    },
  };
}
