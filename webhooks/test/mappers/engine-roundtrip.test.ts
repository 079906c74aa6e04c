import { defaultProgramConfig, validateConfig } from "@kinship/engine";
import { describe, expect, it } from "vitest";
import { MemoryLedger } from "../../../plugin/engine/test/support/memory-ledger.ts";
import { type Mapped, mapShopify } from "../../src/mappers/index.ts";
import { fixture } from "./fixtures.ts";

/** The pure engine with an in-memory store (the engine's own test double). */
function ledger(): MemoryLedger {
  const config = validateConfig(defaultProgramConfig("USD"));
  if (!config.ok) throw new Error(config.error.message);
  return new MemoryLedger(config.value);
}

function applyAll(l: MemoryLedger, m: Mapped, now: Date): void {
  if (m.kind !== "apply") throw new Error(`expected apply, got ${JSON.stringify(m)}`);
  for (const input of m.inputs) {
    const r = l.apply(input, now);
    expect(r.ok ? "ok" : r.error.message).toBe("ok");
  }
}

function points(l: MemoryLedger, customerId: string): number {
  const m = l.members.get(customerId)?.member;
  return m ? m.available + m.pending : 0;
}

describe("mapped Shopify deliveries through the engine (1 point per dollar)", () => {
  const now = new Date("2024-06-01T00:00:00Z");

  it("earns on the discounted subtotal of the derived paid order", () => {
    const l = ledger();
    applyAll(l, mapShopify("orders/paid", fixture("orders-paid-customer.json")), now);
    expect(points(l, "115310627314723954")).toBe(380); // subtotal 380.97, no shipping, no tax
  });

  it("reverses everything when Shopify's sample refund returns all five lines of the sample order", () => {
    const l = ledger();
    applyAll(l, mapShopify("orders/paid", fixture("orders-paid.json")), now);
    expect(points(l, "115310627314723954")).toBe(414); // 414.95 of merchandise
    applyAll(l, mapShopify("refunds/create", fixture("refunds-create.json")), now);
    expect(points(l, "115310627314723954")).toBe(0);
  });

  it("reverses the order when it is cancelled, and a redelivered order earns once", () => {
    const l = ledger();
    applyAll(l, mapShopify("orders/paid", fixture("orders-paid.json")), now);
    const again = mapShopify("orders/paid", fixture("orders-paid.json"));
    if (again.kind !== "apply") throw new Error("apply expected");
    expect(l.apply(again.inputs[0], now)).toMatchObject({
      ok: false,
      error: { code: "AlreadyApplied", key: "order:820982911946154508:paid" },
    });
    applyAll(l, mapShopify("orders/cancelled", fixture("orders-cancelled.json")), now);
    expect(points(l, "115310627314723954")).toBe(0);
  });
});
