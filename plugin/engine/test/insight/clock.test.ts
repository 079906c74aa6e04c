import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { programConfig } from "../../../../test/support/program-fixture.ts";
import type { Engine } from "../../src/index.ts";
import { openTestEngine, uniqueProgramKey } from "../support/backends.ts";
import { order } from "../support/events.ts";

/** Tokyo is UTC+9: its 2 June starts at 1 June 15:00Z. */
const MORNING = new Date("2026-06-01T01:00:00Z"); // 1 June 10:00 JST
const EVENING = new Date("2026-06-01T14:30:00Z"); // 1 June 23:30 JST
const PAST_MIDNIGHT = new Date("2026-06-01T15:05:00Z"); // 2 June 00:05 JST

describe("insight on the clock (postgres, fake clock via maintain)", () => {
  let engine: Engine;
  let program: string;
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
    program = uniqueProgramKey("insight-clock");
    const created = await engine.createProgram({
      key: program,
      platform: "custom",
      config: programConfig({ timezone: "Asia/Tokyo" }),
      actor: "t",
      now: new Date("2026-01-01T00:00:00Z"),
    });
    if (!created.ok) throw new Error(created.error.message);
    const at = new Date("2026-02-01T00:00:00Z");
    const first = await engine.apply(program, order("o1", "ann", at.toISOString(), [{ price: 4000 }]), at);
    if (!first.ok) throw new Error(first.error.message);
  });
  afterAll(() => engine.close());

  const id = async () => {
    const p = await engine.program(program);
    return p.ok ? p.value.id : null;
  };

  it("computes once per day in the program's zone: the first run of the day does it, the rest of the day skips it", async () => {
    expect((await engine.maintain(program, MORNING)).insight).toEqual({ computedAt: MORNING, members: 1, changed: 1 });
    expect((await engine.insight.member((await id()) as number, "ann", MORNING))?.orders).toBe(1);
    // ann orders again: her figures stay this morning's for the rest of the Tokyo day.
    const again = await engine.apply(program, order("o2", "ann", MORNING.toISOString(), [{ price: 4000 }]), MORNING);
    if (!again.ok) throw new Error(again.error.message);
    expect((await engine.maintain(program, EVENING)).insight).toBeNull();
    expect((await engine.insight.member((await id()) as number, "ann", EVENING))?.orders).toBe(1);
    // Past midnight in Tokyo (still 1 June in UTC) the day's run recomputes.
    expect((await engine.maintain(program, PAST_MIDNIGHT)).insight).toEqual({ computedAt: PAST_MIDNIGHT, members: 1, changed: 0 });
    expect((await engine.insight.member((await id()) as number, "ann", PAST_MIDNIGHT))?.orders).toBe(2);
    expect((await engine.maintain(program, new Date(PAST_MIDNIGHT.getTime() + 60_000))).insight).toBeNull();
  });

  it("a program without members is computed (and skipped) all the same", async () => {
    const empty = uniqueProgramKey("insight-empty");
    const created = await engine.createProgram({ key: empty, platform: "custom", config: programConfig(), actor: "t", now: MORNING });
    if (!created.ok) throw new Error(created.error.message);
    expect((await engine.maintain(empty, MORNING)).insight).toEqual({ computedAt: MORNING, members: 0, changed: 0 });
    expect((await engine.maintain(empty, EVENING)).insight).toBeNull();
  });
});
