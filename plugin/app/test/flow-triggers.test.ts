import { readdirSync, readFileSync } from "node:fs";
import { EVENT_TOPICS } from "@kinship/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { triggerExtensionDir, triggerToml } from "../src/shopify/flow/extension-toml.ts";
import { FLOW_TRIGGERS, shopifyCustomerNumber, triggerCall } from "../src/shopify/flow/triggers.ts";

const extensions = new URL("../extensions/", import.meta.url);
const declaredTriggers = readdirSync(extensions)
  .filter((dir) => dir.startsWith("flow-") && !dir.startsWith("flow-action-"))
  .map((dir) => ({ dir, toml: readFileSync(new URL(`${dir}/shopify.extension.toml`, extensions), "utf8") }));

describe("Flow trigger extensions", () => {
  it("declare one trigger per event topic, no more, no fewer", () => {
    const handles = declaredTriggers.map(({ toml }) => /^handle = "([^"]+)"$/m.exec(toml)?.[1]);
    const topics = handles.map((h) => Object.values(FLOW_TRIGGERS).find((t) => t.handle === h)?.topic);
    expect([...topics].sort()).toEqual([...EVENT_TOPICS].sort());
    expect(Object.keys(FLOW_TRIGGERS).sort()).toEqual([...EVENT_TOPICS].sort());
  });

  it("are exactly what triggers.ts generates (the fields Flow is told of are the ones sent)", () => {
    for (const trigger of Object.values(FLOW_TRIGGERS)) {
      const file = declaredTriggers.find((d) => d.dir === triggerExtensionDir(trigger));
      expect(file?.toml, `${triggerExtensionDir(trigger)}: run node plugin/app/src/shopify/flow/write-extensions.ts`).toBe(
        triggerToml(trigger),
      );
    }
  });

  it("follow Flow's rules: handles of at most 30 letters, digits and hyphens; keys of letters and spaces; trigger field types; a customer reference first", () => {
    for (const { toml } of declaredTriggers) {
      expect(toml).toMatch(/^type = "flow_trigger"$/m);
      const handle = /^handle = "([^"]+)"$/m.exec(toml)?.[1] ?? "";
      expect(handle).toMatch(/^[a-z0-9-]{1,30}$/);
      const types = [...toml.matchAll(/^\s+type = "([^"]+)"$/gm)].map((m) => m[1]);
      expect(types[0]).toBe("customer_reference");
      for (const t of types.slice(1)) expect(["single_line_text_field", "number_decimal", "boolean", "email", "url"]).toContain(t);
      for (const [, key] of toml.matchAll(/^\s+key = "([^"]+)"$/gm)) expect(key).toMatch(/^[a-zA-Z\s]+$/);
      expect(/^name = "([^"]+)"$/m.exec(toml)?.[1]).toMatch(/^[A-Z][a-z ]+$/);
    }
  });
});

describe("triggerCall: an event → flowTriggerReceive's handle and payload", () => {
  it("maps each topic's payload to its declared fields, with the customer's numeric id as the reference", () => {
    expect(
      triggerCall({
        topic: "tier.changed",
        customerId: "7602385400001",
        payload: { from: "silver", to: "gold", reason: "upgrade", growth: 1200 },
      }),
    ).toEqual({
      ok: true,
      handle: "tier-changed",
      payload: { customer_id: 7602385400001, "Previous tier": "silver", "New tier": "gold", Reason: "upgrade", Growth: 1200 },
    });
    expect(
      triggerCall({
        topic: "points.earned",
        customerId: "gid://shopify/Customer/42",
        payload: { points: 120, orderId: "820982911946154508", ruleId: "base" },
      }),
    ).toEqual({
      ok: true,
      handle: "points-earned",
      payload: { customer_id: 42, Points: 120, "Order id": "820982911946154508", Rule: "base" },
    });
    expect(
      triggerCall({
        topic: "referral.flagged",
        customerId: "5",
        payload: { referralId: "r-1", refereeId: "6", signals: ["selfReferral", "sameIp"] },
      }),
    ).toMatchObject({
      payload: { Signals: "selfReferral, sameIp", Referee: "6" },
    });
  });

  it("sends every declared field even when the event leaves one out (Flow fails a workflow on a missing field)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EVENT_TOPICS),
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.bigInt({ min: 1n, max: 2n ** 53n - 1n }),
        (topic, payload, id) => {
          const call = triggerCall({ topic, customerId: String(id), payload });
          expect(call.ok).toBe(true);
          if (!call.ok) return;
          expect(call.payload.customer_id).toBe(Number(id));
          for (const field of FLOW_TRIGGERS[topic].fields) {
            const value = call.payload[field.key];
            if (field.type === "number_decimal") expect(Number.isFinite(value)).toBe(true);
            else expect(typeof value).toBe("string");
          }
          expect(Object.keys(call.payload)).toHaveLength(FLOW_TRIGGERS[topic].fields.length + 1);
        },
      ),
    );
  });

  it("refuses what it cannot send right: an unknown topic, a customer id that is not Shopify's numeric id or is past 2^53", () => {
    expect(triggerCall({ topic: "points.changed", customerId: "1", payload: {} })).toMatchObject({ ok: false });
    expect(triggerCall({ topic: "points.spent", customerId: "cus_abc", payload: {} })).toMatchObject({ ok: false });
    expect(shopifyCustomerNumber("9007199254740993")).toBeNull();
    expect(shopifyCustomerNumber("0")).toBeNull();
    expect(shopifyCustomerNumber("7602385400001")).toBe(7602385400001);
  });
});
