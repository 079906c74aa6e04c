import jsonLogic from "json-logic-js";

/** Evaluates a rule's JsonLogic condition; a rule without one always matches. */
export function conditionHolds(condition: Record<string, unknown> | undefined, data: unknown): boolean {
  return Boolean(conditionValue(condition, data));
}

/** What a rule's JsonLogic condition evaluates to (true without one); truthy means it holds. */
export function conditionValue(condition: Record<string, unknown> | undefined, data: unknown): unknown {
  if (!condition || Object.keys(condition).length === 0) return true;
  return jsonLogic.apply(condition as jsonLogic.RulesLogic, data);
}

/** Plain JSON view of a value for JsonLogic: dates become ISO strings. */
export function logicData(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
