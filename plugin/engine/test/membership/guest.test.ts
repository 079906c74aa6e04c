import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/index.ts";
import { openTestEngine } from "../support/backends.ts";
import { refund } from "../support/events.ts";
import { apply, planOrder, seedPlanProgram, standing } from "./support.ts";

const customer = (type: "customer.created" | "customer.updated", customerId: string, at: string, email: string) => ({
  type,
  customerId,
  occurredAt: at,
  email,
});

describe("a plan bought by a guest (Postgres)", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
  });
  afterAll(async () => {
    await engine.close();
  });

  it("is recorded by order and starts when a customer with the order's email (trimmed, any case) is known, once", async () => {
    const p = await seedPlanProgram(engine, "immediately");
    const guest = planOrder("g1", null, "2026-01-10T10:00:00Z", { contact: { email: "  Ana.Guest@Example.COM " } });
    expect((await apply(engine, p, guest, "2026-01-10T10:01:00Z")).notes).toContain(
      "plan plus bought by a guest: starts when a customer with the order's email is known",
    );
    // Redelivered: already applied, nothing more.
    const again = await engine.apply(p, guest, new Date("2026-01-10T10:02:00Z"));
    expect(again.ok ? "applied" : again.error.code).toBe("AlreadyApplied");
    // Someone else becomes a customer: nothing for them.
    await apply(engine, p, customer("customer.created", "other", "2026-01-11T00:00:00Z", "other@example.com"), "2026-01-11T00:01:00Z");
    expect(await standing(engine, p, "other", "2026-01-11T00:01:00Z")).toMatchObject({ tier: "member", status: null });

    // The customer signs up two days later: the month runs from then.
    await apply(engine, p, customer("customer.created", "ana", "2026-01-12T09:00:00Z", "ana.guest@example.com"), "2026-01-12T09:01:00Z");
    expect(await standing(engine, p, "ana", "2026-01-12T09:01:00Z")).toMatchObject({
      tier: "silver",
      source: "PAID",
      status: "ACTIVE",
      period: ["2026-01-12", "2026-02-12"],
      orders: ["g1"],
      tee: 1700,
    });
    // A later profile update, and a second customer with the same email, claim nothing again.
    await apply(engine, p, customer("customer.updated", "ana", "2026-01-13T09:00:00Z", "ana.guest@example.com"), "2026-01-13T09:01:00Z");
    await apply(engine, p, customer("customer.created", "ana2", "2026-01-14T09:00:00Z", "ana.guest@example.com"), "2026-01-14T09:01:00Z");
    expect(await standing(engine, p, "ana", "2026-01-14T09:01:00Z")).toMatchObject({
      orders: ["g1"],
      period: ["2026-01-12", "2026-02-12"],
    });
    expect(await standing(engine, p, "ana2", "2026-01-14T09:01:00Z")).toMatchObject({ tier: "member", status: null });

    // The order is hers now: a refund of its plan line finds her and ends the membership.
    await apply(
      engine,
      p,
      refund("rg1", "g1", "2026-01-15T00:00:00Z", { lines: [{ id: "g1-plan", amount: 9900 }] }),
      "2026-01-15T00:01:00Z",
    );
    expect(await standing(engine, p, "ana", "2026-01-15T00:01:00Z")).toMatchObject({ tier: "member", source: "EARNED", status: "LAPSED" });
  });

  it("a guest order without an email starts nothing", async () => {
    const p = await seedPlanProgram(engine, "immediately");
    const applied = await apply(engine, p, planOrder("g2", null, "2026-01-10T10:00:00Z"), "2026-01-10T10:01:00Z");
    expect(applied.notes).toContain("plan plus bought by a guest without an email: nothing to start");
  });
});
