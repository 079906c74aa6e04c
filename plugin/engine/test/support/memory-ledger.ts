import {
  decide,
  type Entry,
  type GrowthEntry,
  type HeldEvent,
  type Input,
  inWindow,
  type MemberState,
  type ProgramConfig,
  reduce,
} from "../../src/core/index.ts";
import { inputKey, parseInput } from "../../src/store/ledger/apply.ts";

/**
 * The pure core with an in-memory "store": the same claim-decide-write steps as the Postgres
 * store, so scenarios can run against both and be compared.
 */
export class MemoryLedger {
  readonly config: ProgramConfig;
  readonly members = new Map<string, MemberState>();
  readonly entries = new Map<string, Entry[]>();
  readonly growth = new Map<string, GrowthEntry[]>();
  readonly claimed = new Set<string>();
  readonly orderOwner = new Map<string, string>();
  held: HeldEvent[] = [];

  constructor(config: ProgramConfig) {
    this.config = config;
  }

  apply(raw: unknown, now: Date) {
    const parsed = parseInput(raw);
    if (!parsed.ok) return parsed;
    const input: Input = parsed.value;
    const key = inputKey(input);
    if (key && this.claimed.has(key)) return { ok: false as const, error: { code: "AlreadyApplied" as const, message: key, key } };
    const orderId = "orderId" in input ? input.orderId : null;
    const customerId = "customerId" in input ? input.customerId : orderId ? (this.orderOwner.get(orderId) ?? null) : null;
    const stored = customerId ? this.members.get(customerId) : undefined;
    const growth = customerId ? (this.growth.get(customerId) ?? []) : [];
    const state: MemberState = {
      ...(stored ?? { member: null, lots: [], orders: {}, capUsage: {}, windowGrowth: 0, held: [] }),
      held: this.held.filter((h) => h.orderId === orderId),
      windowGrowth: growth
        .filter((g) => inWindow(this.config.growth.window, g.occurredAt, now, this.config.timezone))
        .reduce((s, g) => s + g.amount, 0),
    };
    const result = decide(state, input, this.config, now);
    if (!result.ok) return result;
    const d = result.value;
    if (key) this.claimed.add(key);
    const released = new Set(d.release);
    this.held = [...this.held.filter((h) => !released.has(h.key)), ...d.hold.filter((h) => !this.held.some((x) => x.key === h.key))];
    if (d.member) {
      const id = d.member.customerId;
      const next = reduce(state, d);
      this.members.set(id, { ...next, held: [] });
      this.entries.set(id, [...(this.entries.get(id) ?? []), ...d.entries]);
      this.growth.set(id, [...growth, ...d.growth]);
      for (const o of d.orders) this.orderOwner.set(o.orderId, id);
    }
    return { ok: true as const, value: d };
  }
}
