import { readFileSync } from "node:fs";
import { type CommerceEventInput, normaliseEvent, parseEvent } from "@kinship/engine/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapCustom, mapShopify } from "../../src/mappers/index.ts";

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/shopify/${name}`, import.meta.url), "utf8");

/** The engine takes its own mappers' events without parsing them again: normalising must give what the parser gives. */
function agrees(event: CommerceEventInput): void {
  const parsed = parseEvent(event);
  if (!parsed.ok) throw new Error(parsed.error.message);
  expect(normaliseEvent(event)).toEqual(parsed.value);
}

function eventsOf(topic: string, file: string): CommerceEventInput[] {
  const mapped = mapShopify(topic, fixture(file));
  return mapped.kind === "apply" ? mapped.inputs : [];
}

describe("normaliseEvent: a mapper's event as the engine decides on it", () => {
  it.each([
    ["orders/paid", "orders-paid-customer.json"],
    ["orders/cancelled", "orders-cancelled.json"],
    ["refunds/create", "refunds-create.json"],
    ["customers/create", "customers-create.json"],
    ["customers/update", "customers-update.json"],
  ])("%s (Shopify's sample payload) normalises to what the event parser reads", (topic, file) => {
    const events = eventsOf(topic, file);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) agrees(e);
  });

  it("any custom event normalises to what the event parser reads", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && !s.includes('"') && !s.includes("\\")),
        fc.constantFrom("review.created", "pos.visit", "quiz_done"),
        fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.boolean(), fc.string({ maxLength: 8 }))),
        (id, name, payload) => {
          const body = JSON.stringify({ id, name, customerId: "c-1", occurredAt: "2026-11-30T10:00:00+01:00", payload });
          const mapped = mapCustom(body);
          if (mapped.kind !== "apply") throw new Error("expected an event");
          for (const e of mapped.inputs) agrees(e);
        },
      ),
      { numRuns: 200 },
    );
  });
});
