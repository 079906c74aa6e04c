import type { Entry } from "./types.ts";

type EntryInput = Pick<Entry, "key" | "kind" | "reason" | "occurredAt"> & Partial<Entry>;

export function entry(input: EntryInput): Entry {
  return {
    availableDelta: 0,
    pendingDelta: 0,
    debtDelta: 0,
    writtenOff: 0,
    lotKey: null,
    orderId: null,
    actor: null,
    consumptions: [],
    ...input,
  };
}
