import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase, waitFor } from "../../../test/support/isolated.ts";
import { programConfig } from "../../../test/support/program-fixture.ts";
import { type RunningApp, startApp } from "../src/main.ts";

const DAY = 86_400_000;
const PROGRAM = "clock-test";

describe("the engine's clock in the server", () => {
  let database: { url: string; drop(): Promise<void> };
  let running: RunningApp;
  // The server's time source, moved by the test: nobody runs `kinship maintain`.
  let now = new Date("2026-03-01T12:00:00Z");

  beforeAll(async () => {
    database = await isolatedDatabase("app_clock");
    running = await startApp(
      { DATABASE_URL: database.url, PORT: "0", LOG_LEVEL: "silent", KINSHIP_MAINTAIN_EVERY_MS: "100" },
      { now: () => now },
    );
    const created = await running.engine.createProgram({
      key: PROGRAM,
      platform: "custom",
      config: programConfig({ pendingDays: 14, expiry: { kind: "afterEarn", days: 30 } }),
      actor: "test",
      now,
    });
    if (!created.ok) throw new Error(created.error.message);
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
  });

  const points = async () => {
    const m = await running.engine.member(PROGRAM, "c-1", now);
    if (!m.ok) throw new Error(m.error.message);
    return { available: m.value.points.available, pending: m.value.points.pending };
  };

  it("pending points mature and then expire as time passes, with no command run", async () => {
    const applied = await running.engine.apply(
      PROGRAM,
      {
        type: "order.paid",
        orderId: "o-1",
        customerId: "c-1",
        occurredAt: now.toISOString(),
        currency: "USD",
        lines: [{ lineId: "l-1", quantity: 1, unitPrice: 12_000 }],
      },
      now,
    );
    expect(applied.ok).toBe(true);
    expect(await points()).toEqual({ available: 0, pending: 120 });

    now = new Date(now.getTime() + 15 * DAY);
    await waitFor("the pending points to mature", async () => (await points()).available === 120 || null, 10_000, 50);
    expect(await points()).toEqual({ available: 120, pending: 0 });

    now = new Date(now.getTime() + 31 * DAY);
    await waitFor("the points to expire", async () => (await points()).available === 0 || null, 10_000, 50);
    expect(await points()).toEqual({ available: 0, pending: 0 });
    expect(await running.engine.verify(PROGRAM)).toEqual([]);
  });
});
