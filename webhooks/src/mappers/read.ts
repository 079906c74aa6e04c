/**
 * Shared reading helpers for the mappers: lossless JSON parsing and zod field schemas that accept
 * what platforms actually send (64-bit ids as JSON numbers, money as strings or numbers), turning
 * every failure into a MappingError that names the field.
 */
import { AmountError, type DecimalInput, type ToMinorOptions, toMinor } from "@kinship/engine/core";
import { isLosslessNumber, type LosslessNumber, parse } from "lossless-json";
import { z } from "zod";
import { MappingError } from "./types.ts";

/** Parses JSON keeping every number as a LosslessNumber (its exact text), so 64-bit ids survive. */
export function parseLossless(rawBody: string, what: string): unknown {
  try {
    return parse(rawBody);
  } catch (e) {
    throw new MappingError(`${what}: malformed JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (isLosslessNumber(v)) return `the number ${v.value}`;
  if (Array.isArray(v)) return "an array";
  return typeof v === "string" ? `the string "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"` : `a ${typeof v}`;
}

/** Validates `data`; a failure becomes a MappingError listing the offending fields. */
export function read<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 5).map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`);
  throw new MappingError(`${what}: ${issues.join("; ")}`);
}

const ID_MAX = 200;

/** A platform id: a JSON integer (kept exact, as its decimal text) or a non-empty string. */
export const jsonId = z.unknown().transform((v, ctx): string => {
  if (typeof v === "string" && v.length > 0 && v.length <= ID_MAX) return v;
  if (isLosslessNumber(v) && /^\d+$/.test(v.value) && v.value.length <= ID_MAX) return v.value;
  ctx.addIssue({ code: "custom", message: `expected an id (an integer or a non-empty string), received ${describe(v)}` });
  return z.NEVER;
});

/** A non-empty string id of at most 200 characters; a number is refused (ids must be strings). */
export const stringId = z.unknown().transform((v, ctx): string => {
  if (typeof v === "string" && v.length > 0 && v.length <= ID_MAX) return v;
  const hint = isLosslessNumber(v) || typeof v === "number" ? " (ids must be JSON strings: numbers lose 64-bit precision)" : "";
  ctx.addIssue({
    code: "custom",
    message: `expected a non-empty string id of at most ${ID_MAX} characters, received ${describe(v)}${hint}`,
  });
  return z.NEVER;
});

/** A non-negative integer count from a JSON number (lossless) or a JS number. */
export const count = z.unknown().transform((v, ctx): number => {
  const text = isLosslessNumber(v) ? v.value : typeof v === "number" ? String(v) : null;
  if (text !== null && /^\d+$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
  ctx.addIssue({ code: "custom", message: `expected a non-negative integer, received ${describe(v)}` });
  return z.NEVER;
});

/** A money amount in major units as sent: a decimal string or a JSON number (converted later with toMinor). */
export const decimal = z.unknown().transform((v, ctx): DecimalInput => {
  if (typeof v === "string" || typeof v === "number" || isLosslessNumber(v)) return v as string | number | LosslessNumber;
  ctx.addIssue({ code: "custom", message: `expected a decimal amount, received ${describe(v)}` });
  return z.NEVER;
});

/** An ISO 8601 instant with a UTC offset or Z, as the engine requires. */
export const instant = z.iso.datetime({ offset: true, message: "expected an ISO 8601 date-time with an offset" });

/** toMinor (the engine core's) with the field named in the error, which is a MappingError. */
export function minorOf(field: string, amount: DecimalInput, currency: string, options?: ToMinorOptions): number {
  try {
    return toMinor(amount, currency, options);
  } catch (e) {
    if (e instanceof AmountError) throw new MappingError(`${field}: ${e.message.replace(/^amount: /, "")}`);
    throw e;
  }
}

const EMAIL = z.email();

/**
 * An email the engine will accept, null when the platform says there is none, undefined when absent
 * or unusable: an address the platform took but the engine's stricter check refuses (an
 * internationalised domain, say) is dropped rather than dead-lettering the whole profile update.
 */
export function emailOf(v: string | null | undefined): string | null | undefined {
  if (v === null) return null;
  if (v === undefined || v === "") return v === "" ? null : undefined;
  return EMAIL.safeParse(v).success ? v : undefined;
}

/** Names the engine accepts (at most 200 characters); longer ones are cut, empty ones become null. */
export function nameOf(v: string | null | undefined): string | null | undefined {
  if (v === null || v === undefined) return v;
  const t = v.trim();
  return t === "" ? null : t.slice(0, 200);
}
