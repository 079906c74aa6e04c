import { useEffect, useRef, useState } from "react";
import type { FullOption, RuleGroupType, ValueSelectorProps } from "react-querybuilder";
import { type ConditionContext, conditionToQuery, queryToCondition, type RuleError } from "./rule-builder.ts";
import { useReportInvalid } from "./validity.ts";

export type ConditionMode = { kind: "visual"; query: RuleGroupType } | { kind: "json"; text: string; reason: string | null };

function modeFor(condition: Record<string, unknown> | undefined, ctx: ConditionContext): ConditionMode {
  const parsed = conditionToQuery(condition, ctx);
  return parsed.ok
    ? { kind: "visual", query: parsed.query }
    : { kind: "json", text: JSON.stringify(condition, null, 2), reason: parsed.reason };
}

/**
 * The state of an earn rule's condition editor, whatever draws it (Medusa UI or Polaris): the
 * visual query or the JSON text, the rows that do not make a condition yet, and the JsonLogic it
 * emits. A condition the builder cannot show exactly opens as JSON, so nothing is lost; rows or
 * JSON that do not parse are reported invalid (saving waits) and emit nothing.
 */
export function useConditionEditor(
  condition: Record<string, unknown> | undefined,
  context: ConditionContext,
  onChange: (condition: Record<string, unknown> | undefined) => void,
) {
  const [mode, setMode] = useState<ConditionMode>(() => modeFor(condition, context));
  const [ruleErrors, setRuleErrors] = useState<RuleError[]>([]);
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const emitted = useRef(condition);
  useReportInvalid(ruleErrors.length > 0 || jsonProblem !== null);

  // A condition replaced from outside (discard, the saved version) is shown afresh.
  useEffect(() => {
    if (condition === emitted.current) return;
    emitted.current = condition;
    setMode(modeFor(condition, context));
    setRuleErrors([]);
    setJsonProblem(null);
  }, [condition, context]);

  function emit(next: Record<string, unknown> | undefined) {
    // The same JsonLogic again (a re-render of the builder) is no edit.
    if (JSON.stringify(next) === JSON.stringify(emitted.current)) return;
    emitted.current = next;
    onChange(next);
  }

  return {
    mode,
    ruleErrors,
    /** The rows' messages by path ("0.1"), for the value editors. */
    errorsByPath: new Map(ruleErrors.map((e) => [e.path.join("."), e.message])),
    jsonProblem,
    canShowVisual: mode.kind === "visual" || (jsonProblem === null && conditionToQuery(emitted.current, context).ok),
    changeQuery(query: RuleGroupType) {
      setMode({ kind: "visual", query });
      const result = queryToCondition(query, context);
      if (result.ok) {
        setRuleErrors([]);
        emit(result.condition);
      } else setRuleErrors(result.errors);
    },
    changeJson(text: string) {
      setMode((m) => (m.kind === "json" ? { ...m, text } : { kind: "json", text, reason: null }));
      if (text.trim() === "") {
        setJsonProblem(null);
        emit(undefined);
        return;
      }
      try {
        const value: unknown = JSON.parse(text);
        if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("a condition is a JSON object");
        setJsonProblem(null);
        emit(value as Record<string, unknown>);
      } catch (e) {
        setJsonProblem(`Not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    showJson() {
      setMode({ kind: "json", text: JSON.stringify(emitted.current ?? {}, null, 2), reason: null });
    },
    showVisual() {
      setMode(modeFor(emitted.current, context));
    },
  };
}

// ---- what both admins call the builder's controls (their accessible names) -----------------------

export function ruleName(path: readonly number[]): string {
  return `condition ${path.map((i) => i + 1).join(".")}`;
}

export function groupName(path: readonly number[]): string {
  return path.length === 0 ? "all conditions" : `group ${path.map((i) => i + 1).join(".")}`;
}

export function flatOptions(options: ValueSelectorProps["options"]): FullOption[] {
  return (options as unknown[]).flatMap((o) =>
    typeof o === "object" && o !== null && "options" in o ? ((o as { options: FullOption[] }).options ?? []) : [o as FullOption],
  );
}

export const conditionTranslations = {
  addRule: { label: "Add condition", title: "Add condition" },
  addGroup: { label: "Add group", title: "Add group" },
  removeRule: { label: "Remove", title: "Remove" },
  removeGroup: { label: "Remove group", title: "Remove group" },
};
