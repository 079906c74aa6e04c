/** An earn rule's trigger as people read it: "order.paid" → "Order paid", "custom:x" → custom event x. */
export const triggerLabels: Record<string, string> = {
  "order.paid": "Order paid",
  "customer.created": "Customer created",
  custom: "Custom event",
};

export function triggerKind(trigger: string): string {
  return trigger.startsWith("custom:") ? "custom" : trigger;
}

export function triggerLabel(trigger: string): string {
  const kind = triggerKind(trigger);
  return kind === "custom" ? `Custom event (${trigger.slice("custom:".length)})` : (triggerLabels[kind] ?? trigger);
}
