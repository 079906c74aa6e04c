/**
 * Signed custom events (a review app, a POS, the merchant's own backend) → engine `custom` events.
 *
 * Body (JSON, signature checked by intake):
 *   { "id": "<unique event id>", "name": "review.created", "customerId": "<string>",
 *     "occurredAt": "<ISO 8601 with offset>", "payload": { ... } }
 * - `id` is the sender's unique id for the fact; the engine keys it `custom:<id>`, so resends are idempotent.
 * - `customerId` and `id` must be JSON strings: a JSON number is refused, because 64-bit ids lose
 *   digits as numbers and two customers could collide.
 * - `payload` (optional, an object) is passed on. Its numbers are parsed losslessly and then become JS
 *   numbers, except integers beyond 2^53, which become their exact decimal strings rather than wrong numbers.
 */
import type { CommerceEventInput } from "@kinship/engine/core";
import { getUnsafeNumberReason, isInteger, isLosslessNumber, UnsafeNumberReason } from "lossless-json";
import { z } from "zod";
import { describe, instant, parseLossless, read, stringId } from "./read.ts";
import { type Mapped, MappingError } from "./types.ts";

const CustomBody = z.object({
  id: stringId,
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, "expected an event name of lowercase letters, digits, . _ - (e.g. review.created)"),
  customerId: stringId,
  occurredAt: instant,
  payload: z.unknown().optional(),
});

/** Lossless numbers → plain JSON values: safe numbers as numbers, huge integers as exact strings. */
function plain(v: unknown, path: string): unknown {
  if (isLosslessNumber(v)) {
    const reason = getUnsafeNumberReason(v.value);
    if (reason === undefined || reason === UnsafeNumberReason.truncate_float) return Number(v.value);
    if (reason === UnsafeNumberReason.truncate_integer && isInteger(v.value)) return v.value;
    throw new MappingError(`custom event: ${path}: the number ${v.value} cannot be represented (${reason})`);
  }
  if (Array.isArray(v)) return v.map((x, i) => plain(x, `${path}.${i}`));
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x, `${path}.${k}`)]));
  }
  return v;
}

/** Maps one signed custom event body. Throws MappingError on malformed JSON or invalid fields. */
export function mapCustom(rawBody: string): Mapped {
  const what = "custom event";
  const b = read(CustomBody, parseLossless(rawBody, what), what);
  const payload = b.payload ?? {};
  if (typeof payload !== "object" || Array.isArray(payload) || isLosslessNumber(payload)) {
    throw new MappingError(`${what}: payload: expected an object, received ${describe(payload)}`);
  }
  const event: CommerceEventInput = {
    type: "custom",
    key: b.id,
    name: b.name,
    customerId: b.customerId,
    occurredAt: b.occurredAt,
    payload: plain(payload, "payload") as Record<string, unknown>,
  };
  return { kind: "apply", inputs: [event] };
}
