import { describe, expect, it } from "vitest";
import { defaultProgramConfig } from "../src/index.ts";
import { backends, openTestEngine, uniqueProgramKey } from "./support/backends.ts";

describe.each(backends)("engine on %s", (backend) => {
  it("credits an order and shows the member", async () => {
    const engine = await openTestEngine(backend);
    const key = uniqueProgramKey();
    const now = new Date("2026-11-01T00:00:00Z");
    expect((await engine.createProgram({ key, platform: "shopify", config: defaultProgramConfig(), actor: "test", now })).ok).toBe(true);
    const applied = await engine.apply(
      key,
      {
        type: "order.paid",
        orderId: "1",
        customerId: "c1",
        occurredAt: "2026-10-30T10:00:00Z",
        currency: "USD",
        lines: [{ lineId: "l1", quantity: 1, unitPrice: 1999 }],
      },
      now,
    );
    expect(applied.ok).toBe(true);
    const member = await engine.member(key, "c1", now);
    expect(member.ok && member.value.points).toEqual({ available: 19, pending: 0, debt: 0 });
    await engine.close();
  });
});
