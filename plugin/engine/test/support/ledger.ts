import { expect } from "vitest";
import { dbOf } from "../../../../test/support/engine-db.ts";
import { type Engine, type ProgramConfigInput, validateConfig } from "../../src/index.ts";
import { num } from "../../src/store/db/schema.ts";
import { type BackendName, uniqueProgramKey } from "./backends.ts";
import { MemoryLedger } from "./memory-ledger.ts";

export type LedgerKind = "memory" | BackendName;

export interface Balance {
  available: number;
  pending: number;
  debt: number;
  growth: number;
  tier: string;
}
export interface LotRow {
  key: string;
  amount: number;
  remaining: number;
  reversed: number;
  status: string;
}
export interface EntryRow {
  key: string;
  lot: string | null;
  kind: string;
  available: number;
  pending: number;
  debt: number;
  writtenOff: number;
}
export interface Snapshot {
  balance: Balance | null;
  lots: LotRow[];
  entries: EntryRow[];
}

type Outcome = { ok: true } | { ok: false; code: string };

/** A program under test: the pure core in memory, or the engine on PGlite / Postgres. */
export interface Ledger {
  kind: LedgerKind;
  program: string;
  now: Date;
  at(iso: string): Ledger;
  apply(input: unknown): Promise<Outcome>;
  /** Inputs that must all apply. */
  given(...inputs: unknown[]): Promise<Ledger>;
  /** The input under test; its outcome is returned. */
  when(input: unknown): Promise<Outcome>;
  /** Then: the member shows these balances. */
  shows(customerId: string, expected: Partial<Balance>): Promise<void>;
  snapshot(customerId: string): Promise<Snapshot>;
  maintain(): Promise<void>;
  evaluate(customerId: string): Promise<Outcome>;
  /** Drift between the ledger and cached balances (the store's SQL check; none in memory). */
  verify(): Promise<unknown[]>;
}

function outcome(r: { ok: boolean; error?: { code: string } }): Outcome {
  return r.ok ? { ok: true } : { ok: false, code: r.error?.code ?? "?" };
}

function base(
  kind: LedgerKind,
  program: string,
  apply: (i: unknown, now: Date) => Promise<Outcome>,
  rest: Pick<Ledger, "snapshot" | "maintain" | "verify">,
): Ledger {
  const l: Ledger = {
    kind,
    program,
    now: new Date("2026-01-01T00:00:00Z"),
    at(iso) {
      l.now = new Date(iso);
      return l;
    },
    apply: (input) => apply(input, l.now),
    async given(...inputs) {
      for (const input of inputs) {
        const r = await l.apply(input);
        if (!r.ok && r.code !== "AlreadyApplied") throw new Error(`given: ${JSON.stringify(input)} failed with ${r.code}`);
      }
      return l;
    },
    when: (input) => l.apply(input),
    async shows(customerId, expected) {
      const s = await l.snapshot(customerId);
      expect(s.balance).not.toBeNull();
      expect(s.balance).toMatchObject(expected);
    },
    evaluate: (customerId) => l.apply({ type: "evaluate", customerId }),
    ...rest,
  };
  return l;
}

export function memoryLedger(config: ProgramConfigInput): Ledger {
  const valid = validateConfig(config);
  if (!valid.ok) throw new Error(valid.error.message);
  const m = new MemoryLedger(valid.value);
  return base("memory", "memory", async (input, now) => outcome(m.apply(input, now)), {
    async snapshot(customerId) {
      const state = m.members.get(customerId);
      const member = state?.member;
      const growthNow = (m.growth.get(customerId) ?? []).reduce((s, g) => s + g.amount, 0);
      return {
        balance: member
          ? { available: member.available, pending: member.pending, debt: member.debt, growth: growthNow, tier: member.tierKey }
          : null,
        lots: sortLots(
          (state?.lots ?? []).map((x) => ({
            key: x.key,
            amount: x.amount,
            remaining: x.remaining,
            reversed: x.reversed,
            status: x.status,
          })),
        ),
        entries: (m.entries.get(customerId) ?? []).map((e) => ({
          key: e.key,
          lot: e.lotKey,
          kind: e.kind,
          available: e.availableDelta,
          pending: e.pendingDelta,
          debt: e.debtDelta,
          writtenOff: e.writtenOff,
        })),
      };
    },
    async maintain() {
      throw new Error("maintain runs in the store");
    },
    verify: async () => [],
  });
}

export async function storeLedger(engine: Engine, kind: BackendName, config: ProgramConfigInput): Promise<Ledger> {
  const program = uniqueProgramKey(kind);
  const created = await engine.createProgram({
    key: program,
    platform: "shopify",
    config,
    actor: "test",
    now: new Date("2026-01-01T00:00:00Z"),
  });
  if (!created.ok) throw new Error(created.error.message);
  const programId = created.value.id;
  const db = dbOf(engine);
  const l = base(kind, program, async (input, now) => outcome(await engine.apply(program, input, now)), {
    async snapshot(customerId) {
      const m = await db
        .selectFrom("kinship_member")
        .selectAll()
        .where("program_id", "=", programId)
        .where("customer_id", "=", customerId)
        .executeTakeFirst();
      if (!m) return { balance: null, lots: [], entries: [] };
      const lots = await db.selectFrom("kinship_lot").selectAll().where("member_id", "=", m.id).execute();
      const entries = await db.selectFrom("kinship_entry").selectAll().where("member_id", "=", m.id).orderBy("id").execute();
      return {
        balance: { available: num(m.available), pending: num(m.pending), debt: num(m.debt), growth: num(m.growth), tier: m.tier_key },
        lots: sortLots(
          lots.map((x) => ({
            key: x.key,
            amount: num(x.amount),
            remaining: num(x.remaining),
            reversed: num(x.reversed),
            status: x.status,
          })),
        ),
        entries: entries.map((e) => ({
          key: e.key,
          lot: lots.find((x) => String(x.id) === String(e.lot_id))?.key ?? null,
          kind: e.kind,
          available: num(e.available_delta),
          pending: num(e.pending_delta),
          debt: num(e.debt_delta),
          writtenOff: num(e.written_off),
        })),
      };
    },
    async maintain() {
      await engine.maintain(program, l.now);
    },
    verify: () => engine.verify(program),
  });
  return l;
}

function sortLots(lots: LotRow[]): LotRow[] {
  return lots.sort((a, b) => a.key.localeCompare(b.key));
}
