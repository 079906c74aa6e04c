import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultProgramConfig, type Engine } from "../src/index.ts";
import { type BackendName, backends, openTestEngine, uniqueProgramKey } from "./support/backends.ts";
import { order } from "./support/events.ts";

const NOW = new Date("2026-06-01T00:00:00Z");

describe.each<BackendName>(backends)("apply with alsoInTransaction (%s)", (backend) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
  });
  afterAll(() => engine.close());

  async function program() {
    const key = uniqueProgramKey(`also-${backend}`);
    const created = await engine.createProgram({ key, platform: "custom", config: defaultProgramConfig("USD"), actor: "t", now: NOW });
    if (!created.ok) throw new Error(created.error.message);
    return key;
  }
  const points = async (p: string) => {
    const m = await engine.member(p, "c1", NOW);
    return m.ok ? m.value.points.available : null;
  };

  it("the caller's write commits with the ledger change; a failing one takes the ledger change with it", async () => {
    const p = await program();
    const seen: string[] = [];
    const failing = engine.apply(p, order("o1", "c1", "2026-05-01T00:00:00Z", [{ price: 5000 }]), NOW, {
      alsoInTransaction: async () => {
        throw new Error("bookkeeping failed");
      },
    });
    await expect(failing).rejects.toThrow("bookkeeping failed");
    expect(await points(p)).toBeNull();

    const ok = await engine.apply(p, order("o1", "c1", "2026-05-01T00:00:00Z", [{ price: 5000 }]), NOW, {
      alsoInTransaction: async (trx) => {
        const { rows } = await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM kinship_lot l JOIN kinship_member m ON m.id = l.member_id WHERE m.customer_id = 'c1' AND m.program_id = (SELECT id FROM kinship_program WHERE key = ${p})`.execute(
          trx,
        );
        seen.push(`lots visible: ${rows[0]?.n}`);
      },
    });
    expect(ok.ok).toBe(true);
    expect(seen).toEqual(["lots visible: 1"]);
    expect(await points(p)).toBe(50);

    // A duplicate writes nothing, so the caller's write does not run either.
    const again = await engine.apply(p, order("o1", "c1", "2026-05-01T00:00:00Z", [{ price: 5000 }]), NOW, {
      alsoInTransaction: async () => {
        seen.push("ran for a duplicate");
      },
    });
    expect(again).toMatchObject({ ok: false, error: { code: "AlreadyApplied" } });
    expect(seen).toEqual(["lots visible: 1"]);
  });
});
