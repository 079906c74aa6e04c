import type { Field, RuleGroupType, RuleType } from "react-querybuilder";
import { formatQuery } from "react-querybuilder/formatQuery";
import { parseJsonLogic } from "react-querybuilder/parseJsonLogic";
import { decimalToMinor, minorToDecimal } from "./money.ts";
import { parseWholeNumber } from "./parse.ts";

/**
 * The model behind the visual earn-rule condition builder. A rule's condition is JsonLogic over
 * `{ event, member }` as the engine passes it (plugin/engine/src/core/rules/condition.ts): for
 * orders, `event` is the order.paid event plus its `subtotal` after discounts (minor units);
 * `member` is `{ customerId, tier, growth, tags, birthday }`.
 *
 * In the builder's query, money values are decimal strings in the program currency ("100.00") and
 * counts are digit strings, as people type them; in JsonLogic they are integers (minor units).
 */

export type ConditionValueKind = "money" | "count" | "tier" | "tag" | "currency";

export interface ConditionField extends Field {
  name: string;
  /** The same as name (react-querybuilder reads either). */
  value: string;
  label: string;
  kind: ConditionValueKind;
  operators: { name: string; label: string }[];
}

export interface ConditionContext {
  currency: string;
  tiers: readonly { key: string; name: string }[];
  /** Order fields are offered for "order.paid" only; other triggers carry no order. */
  trigger: string;
}

export const operatorLabels: Record<string, string> = {
  "=": "is",
  "!=": "is not",
  "<": "is less than",
  "<=": "is at most",
  ">": "is more than",
  ">=": "is at least",
  between: "is between",
  in: "is one of",
  notIn: "is not one of",
  contains: "includes",
  doesNotContain: "does not include",
};

const ops = (...names: string[]) => names.map((name) => ({ name, label: operatorLabels[name] ?? name }));
const numeric = ops("=", "!=", "<", "<=", ">", ">=", "between");

type FieldSpec = Pick<ConditionField, "name" | "label" | "kind" | "operators"> &
  Pick<Field, "defaultOperator" | "defaultValue" | "valueEditorType" | "values">;

function field(f: FieldSpec): ConditionField {
  return { ...f, value: f.name };
}

export function conditionFields(ctx: ConditionContext): ConditionField[] {
  const order: ConditionField[] =
    ctx.trigger === "order.paid"
      ? [
          field({
            name: "event.subtotal",
            label: `Order subtotal (${ctx.currency})`,
            kind: "money",
            operators: numeric,
            defaultOperator: ">=",
          }),
          field({ name: "event.lines.length", label: "Number of order lines", kind: "count", operators: numeric, defaultOperator: ">=" }),
          field({ name: "event.shipping", label: `Shipping (${ctx.currency})`, kind: "money", operators: numeric, defaultOperator: ">=" }),
          field({
            name: "event.orderDiscount",
            label: `Order discount (${ctx.currency})`,
            kind: "money",
            operators: numeric,
            defaultOperator: ">=",
          }),
          field({
            name: "event.currency",
            label: "Order currency",
            kind: "currency",
            operators: ops("=", "!="),
            defaultValue: ctx.currency,
          }),
        ]
      : [];
  return [
    ...order,
    field({
      name: "member.tier",
      label: "Member tier",
      kind: "tier",
      operators: ops("=", "!=", "in", "notIn"),
      valueEditorType: (operator: string) => (operator === "in" || operator === "notIn" ? "multiselect" : "select"),
      values: ctx.tiers.map((t) => ({ name: t.key, label: t.name })),
      defaultValue: ctx.tiers[0]?.key ?? "",
    }),
    field({ name: "member.tags", label: "Customer tags", kind: "tag", operators: ops("contains", "doesNotContain") }),
    field({ name: "member.growth", label: "Member growth", kind: "count", operators: numeric, defaultOperator: ">=" }),
  ];
}

export function emptyQuery(): RuleGroupType {
  return { combinator: "and", rules: [] };
}

export interface RuleError {
  /** Where the rule sits in the query (react-querybuilder's path). */
  path: number[];
  message: string;
}

export type ConditionResult = { ok: true; condition: Record<string, unknown> | undefined } | { ok: false; errors: RuleError[] };

/** The JsonLogic a query means; no condition (undefined) for an empty query. Invalid values come back as errors, per rule. */
export function queryToCondition(query: RuleGroupType, ctx: ConditionContext): ConditionResult {
  const fields = new Map(conditionFields(ctx).map((f) => [f.name, f]));
  const errors: RuleError[] = [];
  let normalized: RuleGroupType;
  try {
    normalized = normalizeGroup(query, [], (rule, path) => {
      const field = fields.get(rule.field);
      const value = field ? logicValue(rule, field, ctx) : { ok: false as const, message: `"${rule.field}" cannot be used here` };
      if (!value.ok) {
        errors.push({ path, message: value.message });
        return rule;
      }
      return { field: rule.field, operator: rule.operator, value: value.value };
    });
  } catch (error) {
    return { ok: false, errors: [{ path: [], message: error instanceof Error ? error.message : String(error) }] };
  }
  if (errors.length > 0) return { ok: false, errors };
  const logic: unknown = formatQuery(normalized, { format: "jsonlogic" });
  if (!isRecord(logic)) return { ok: true, condition: undefined };
  return { ok: true, condition: unwrapSingle(logic) };
}

export type QueryResult = { ok: true; query: RuleGroupType } | { ok: false; reason: string };

/**
 * The builder's query for a condition, when the builder can show it exactly: the query must turn
 * back into the same JsonLogic. Anything else (hand-written JsonLogic, fields of another trigger)
 * is refused with a reason, so a screen can offer the raw JSON instead of losing part of it.
 */
export function conditionToQuery(condition: Record<string, unknown> | undefined, ctx: ConditionContext): QueryResult {
  if (!condition || Object.keys(condition).length === 0) return { ok: true, query: emptyQuery() };
  const fields = conditionFields(ctx);
  const byName = new Map(fields.map((f) => [f.name, f]));
  let query: RuleGroupType;
  try {
    const parsed = parseJsonLogic(condition as Parameters<typeof parseJsonLogic>[0], { fields, listsAsArrays: true, generateIDs: true });
    query = normalizeGroup(parsed, [], (rule) => {
      const field = byName.get(rule.field);
      return field ? { ...rule, value: displayValue(rule.value, field, ctx) } : rule;
    });
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const back = queryToCondition(query, ctx);
  if (!back.ok) return { ok: false, reason: back.errors.map((e) => e.message).join("; ") };
  if (!sameCondition(back.condition, condition))
    return { ok: false, reason: "the condition uses JsonLogic the visual builder cannot show" };
  return { ok: true, query };
}

function normalizeGroup(group: RuleGroupType, path: number[], mapRule: (rule: RuleType, path: number[]) => RuleType): RuleGroupType {
  return {
    ...group,
    rules: group.rules.map((r, i) => {
      const at = [...path, i];
      if (typeof r === "string") throw new Error("independent combinators are not supported");
      if ("rules" in r) return normalizeGroup(r, at, mapRule);
      if (r.valueSource === "field" || r.match || r.muted) return unsupported(at);
      return mapRule(r, at);
    }),
  };
}

function unsupported(path: number[]): never {
  throw new Error(`the condition at ${path.join(".")} uses a form the builder does not support`);
}

type Value = { ok: true; value: unknown } | { ok: false; message: string };

function logicValue(rule: RuleType, field: ConditionField, ctx: ConditionContext): Value {
  if (!field.operators.some((o) => o.name === rule.operator))
    return { ok: false, message: `"${operatorLabels[rule.operator] ?? rule.operator}" does not apply to ${field.label}` };
  if (rule.operator === "between") {
    const parts = listOf(rule.value);
    if (parts.length !== 2) return { ok: false, message: "Enter both ends of the range" };
    const ends = parts.map((p) => scalar(p, field, ctx));
    const bad = ends.find((e) => !e.ok);
    if (bad) return bad;
    return { ok: true, value: ends.map((e) => (e as { value: unknown }).value) };
  }
  if (rule.operator === "in" || rule.operator === "notIn") {
    const parts = listOf(rule.value);
    if (parts.length === 0) return { ok: false, message: "Choose at least one" };
    const values = parts.map((p) => scalar(p, field, ctx));
    const bad = values.find((e) => !e.ok);
    if (bad) return bad;
    return { ok: true, value: values.map((e) => (e as { value: unknown }).value) };
  }
  return scalar(rule.value, field, ctx);
}

function scalar(raw: unknown, field: ConditionField, ctx: ConditionContext): Value {
  const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw : "";
  switch (field.kind) {
    case "money": {
      const parsed = decimalToMinor(text, ctx.currency);
      return parsed.ok ? parsed : { ok: false, message: parsed.message };
    }
    case "count": {
      const parsed = parseWholeNumber(text);
      return parsed.ok ? parsed : { ok: false, message: parsed.message };
    }
    case "tier":
      return ctx.tiers.some((t) => t.key === text) ? { ok: true, value: text } : { ok: false, message: "Choose a tier" };
    case "currency":
      return /^[A-Z]{3}$/.test(text) ? { ok: true, value: text } : { ok: false, message: "Enter a currency code like USD" };
    case "tag":
      return text.trim() === "" ? { ok: false, message: "Enter a tag" } : { ok: true, value: text };
  }
}

function displayValue(value: unknown, field: ConditionField, ctx: ConditionContext): unknown {
  if (Array.isArray(value)) return value.map((v) => displayValue(v, field, ctx));
  if (field.kind === "money") {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
      throw new Error(`${field.label} needs a whole amount of minor units`);
    return minorToDecimal(value, ctx.currency);
  }
  if (field.kind === "count") {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) throw new Error(`${field.label} needs a whole number`);
    return String(value);
  }
  if (typeof value !== "string") throw new Error(`${field.label} needs text`);
  return value;
}

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "string") return value === "" ? [] : value.split(",");
  return [];
}

/**
 * A top-level group of one gives its only child, repeatedly: `{">=": [...]}` rather than
 * `{"and": [{"and": [{">=": [...]}]}]}`, which means the same.
 */
function unwrapSingle(logic: Record<string, unknown>): Record<string, unknown> {
  let current = logic;
  for (let only = singleChild(current); only; only = singleChild(current)) current = only;
  return current;
}

function singleChild(logic: Record<string, unknown>): Record<string, unknown> | null {
  const keys = Object.keys(logic);
  if (keys.length !== 1 || (keys[0] !== "and" && keys[0] !== "or")) return null;
  const children = logic[keys[0]];
  return Array.isArray(children) && children.length === 1 && isRecord(children[0]) ? children[0] : null;
}

/** Equal JsonLogic, where a top-level and/or of one equals its only child. */
function sameCondition(built: Record<string, unknown> | undefined, original: Record<string, unknown>): boolean {
  return deepEqual(built, unwrapSingle(original));
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (!isRecord(a) || !isRecord(b) || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && deepEqual(a[k], b[k]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
