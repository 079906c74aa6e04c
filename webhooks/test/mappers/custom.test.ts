import { parseEvent } from "@kinship/engine";
import { describe, expect, it } from "vitest";
import { MappingError, mapCustom } from "../../src/mappers/index.ts";

const body = (over: Record<string, unknown> = {}, raw?: string) =>
  raw ??
  JSON.stringify({
    id: "rev_8f2c",
    name: "review.created",
    customerId: "115310627314723954",
    occurredAt: "2024-03-20T12:00:00+01:00",
    payload: { rating: 5, productId: "788032119674292922" },
    ...over,
  });

describe("mapCustom", () => {
  it("maps a signed custom event to an engine custom event keyed by its id", () => {
    const m = mapCustom(body());
    expect(m).toStrictEqual({
      kind: "apply",
      inputs: [
        {
          type: "custom",
          key: "rev_8f2c",
          name: "review.created",
          customerId: "115310627314723954",
          occurredAt: "2024-03-20T12:00:00+01:00",
          payload: { rating: 5, productId: "788032119674292922" },
        },
      ],
    });
    if (m.kind !== "apply") throw new Error("apply expected");
    const parsed = parseEvent(m.inputs[0]);
    expect(parsed.ok ? "ok" : parsed.error.message).toBe("ok");
  });

  it("keeps payload numbers as numbers and huge integers as exact strings", () => {
    const raw = `{"id":"pos-1","name":"pos.visit","customerId":"7","occurredAt":"2024-03-20T11:00:00Z",
      "payload":{"store":820982911946154508,"score":4.5,"nested":[1,{"x":-2}],"ok":true,"note":null}}`;
    const m = mapCustom(raw);
    if (m.kind !== "apply") throw new Error("apply expected");
    expect((m.inputs[0] as { payload: unknown }).payload).toStrictEqual({
      store: "820982911946154508",
      score: 4.5,
      nested: [1, { x: -2 }],
      ok: true,
      note: null,
    });
  });

  it("defaults a missing payload to {}", () => {
    const m = mapCustom(body({ payload: undefined }));
    expect(m.kind === "apply" && (m.inputs[0] as { payload: unknown }).payload).toStrictEqual({});
  });

  it("refuses a numeric customerId: ids must be strings", () => {
    const raw = '{"id":"e1","name":"review.created","customerId":115310627314723954,"occurredAt":"2024-03-20T11:00:00Z"}';
    expect(() => mapCustom(raw)).toThrow(MappingError);
    expect(() => mapCustom(raw)).toThrow(/customerId: .*ids must be JSON strings/);
    expect(() => mapCustom(body({ customerId: 42 }))).toThrow(/customerId/);
  });

  it.each<[string, string, RegExp]>([
    ["malformed JSON", body({}, '{"id": '), /malformed JSON/],
    ["an array body", body({}, "[]"), /\(root\)/],
    ["a numeric id", body({ id: 17 }), /\bid: .*ids must be JSON strings/],
    ["an empty id", body({ id: "" }), /\bid: /],
    ["an id too long for its key", body({ id: "x".repeat(201) }), /\bid: .*at most 200/],
    ["a bad name", body({ name: "Review Created" }), /name: expected an event name/],
    ["no customerId", body({ customerId: undefined }), /customerId: .*received nothing/],
    ["a date without offset", body({ occurredAt: "2024-03-20T12:00:00" }), /occurredAt: expected an ISO 8601/],
    ["a payload that is not an object", body({ payload: [1, 2] }), /payload: expected an object, received an array/],
    [
      "an unrepresentable payload number",
      body({}, '{"id":"e","name":"n","customerId":"c","occurredAt":"2024-03-20T11:00:00Z","payload":{"v":1e999}}'),
      /payload\.v: the number 1e999/,
    ],
  ])("%s → MappingError", (_, raw, message) => {
    expect(() => mapCustom(raw)).toThrow(MappingError);
    expect(() => mapCustom(raw)).toThrow(message);
  });
});
