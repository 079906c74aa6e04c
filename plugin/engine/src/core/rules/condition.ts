import jsonLogic from "json-logic-js";

/** Evaluates a rule's JsonLogic condition; a rule without one always matches. */
export function conditionHolds(condition: Record<string, unknown> | undefined, data: unknown): boolean {
  if (!condition || Object.keys(condition).length === 0) return true;
  return Boolean(jsonLogic.apply(condition as jsonLogic.RulesLogic, data));
}

/** Plain JSON view of a value for JsonLogic: dates become ISO strings. */
export function logicData(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
