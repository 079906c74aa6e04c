import type { Decision, Lot, MemberState, SpendRecord } from "./ledger/types.ts";

/**
 * The state after a decision is written: what the store does with SQL, done in memory.
 * Used by pure tests and to check the store against the core.
 */
export function reduce(state: MemberState, d: Decision): MemberState {
  const lots = new Map<string, Lot>(state.lots.map((l) => [l.key, l]));
  for (const l of [...d.newLots, ...d.lotUpdates]) lots.set(l.key, l);
  const orders = { ...state.orders };
  for (const o of d.orders) orders[o.orderId] = o;
  const released = new Set(d.release);
  return {
    member: d.member,
    lots: [...lots.values()],
    orders,
    held: [...state.held.filter((h) => !released.has(h.key)), ...d.hold],
    capUsage: { ...state.capUsage, ...d.capUsage },
    windowGrowth: d.windowGrowth,
    spends: spendsAfter(state.spends ?? {}, d),
    ...(d.campaigns || state.campaigns ? { campaigns: d.campaigns ?? state.campaigns } : {}),
  };
}

/** Spends recorded by the decision, and the ones it cancelled. */
function spendsAfter(spends: Record<string, SpendRecord>, d: Decision): Record<string, SpendRecord> {
  const next = { ...spends };
  for (const e of d.entries) {
    if (e.kind === "spend")
      next[e.key.slice("spend:".length)] = { points: -e.availableDelta, consumptions: e.consumptions, cancelled: false };
    const cancelled = e.kind === "unspend" ? next[e.key.slice("unspend:".length)] : undefined;
    if (cancelled) next[e.key.slice("unspend:".length)] = { ...cancelled, cancelled: true };
  }
  return next;
}
