import type { AuditEntry } from "./types.ts";

const BASICS: Record<string, string> = {
  name: "Name",
  currency: "Currency",
  timezone: "Time zone",
  pointValue: "Point value",
  rounding: "Rounding",
  pendingDays: "Pending days",
  expiry: "Expiry",
  allowNegativeBalance: "Negative balances",
  growth: "Qualification window",
  tierPolicy: "Tier grace days",
};

const LISTS: Record<string, [singular: string, plural: string]> = {
  tiers: ["tier", "tiers"],
  rules: ["earn rule", "earn rules"],
  rewards: ["reward", "rewards"],
  benefits: ["member price", "member prices"],
  partners: ["partner", "partners"],
};

/** The program settings an owner sets on the Settings screen (not the lists other screens edit). */
export const BASIC_KEYS = Object.keys(BASICS);

const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function show(v: unknown): string {
  if (v === undefined || v === null) return "none";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const o = asObject(v);
  if ("kind" in o) {
    const rest = Object.entries(o).filter(([k]) => k !== "kind");
    return rest.length ? `${o.kind} (${rest.map(([k, x]) => `${k} ${show(x)}`).join(", ")})` : String(o.kind);
  }
  if ("window" in o) return show(o.window);
  if ("graceDays" in o) return `${show(o.graceDays)} days`;
  if ("points" in o && "money" in o) return `${o.points} points = ${o.money} minor units`;
  return JSON.stringify(v);
}

function listChange(key: string, before: unknown, after: unknown): string | null {
  const [one, many] = LISTS[key] ?? [key, key];
  const name = (x: unknown) => String(asObject(x).name ?? asObject(x).key ?? asObject(x).id ?? "?");
  const id = (x: unknown) => String(asObject(x).key ?? asObject(x).id ?? name(x));
  const was = Array.isArray(before) ? before : [];
  const now = Array.isArray(after) ? after : [];
  const wasIds = new Set(was.map(id));
  const nowIds = new Set(now.map(id));
  const added = now.filter((x) => !wasIds.has(id(x))).map(name);
  const removed = was.filter((x) => !nowIds.has(id(x))).map(name);
  const changed = now
    .filter(
      (x) =>
        wasIds.has(id(x)) &&
        !same(
          x,
          was.find((w) => id(w) === id(x)),
        ),
    )
    .map(name);
  const parts = [
    added.length ? `added ${added.join(", ")}` : "",
    removed.length ? `removed ${removed.join(", ")}` : "",
    changed.length ? `changed ${changed.join(", ")}` : "",
  ].filter(Boolean);
  if (!parts.length) return was.length !== now.length ? `${many}: ${was.length} → ${now.length}` : `${many} reordered`;
  return `${parts.length === 1 && added.length + removed.length + changed.length === 1 ? one : many}: ${parts.join("; ")}`;
}

/**
 * What an audit entry changed, for people: "Name: Old → New; tiers: added Platinum". A config
 * update compares its before and after configs key by key; other actions say what they did.
 */
export function auditSummary(entry: Pick<AuditEntry, "action" | "subject" | "before" | "after">): string {
  if (entry.action === "program.create") return "Program created";
  if (entry.action === "partner.codes.import") {
    const after = asObject(entry.after);
    return `Perk codes imported${after.added !== undefined ? `: ${show(after.added)} added` : ""} (${entry.subject})`;
  }
  if (entry.action === "member.redact") return `Member data erased (${entry.subject})`;
  if (entry.action !== "config.update") return `${entry.action} ${entry.subject}`;
  const before = asObject(entry.before);
  const after = asObject(entry.after);
  const changes: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (same(before[key], after[key])) continue;
    if (key in LISTS) {
      const change = listChange(key, before[key], after[key]);
      if (change) changes.push(change);
    } else changes.push(`${BASICS[key] ?? key}: ${show(before[key])} → ${show(after[key])}`);
  }
  return changes.length ? changes.join("; ") : "Saved with no change";
}

/** Whether an audit entry changed any of the program's basics (Settings). */
export function changesBasics(entry: Pick<AuditEntry, "action" | "before" | "after">): boolean {
  if (entry.action !== "config.update") return false;
  const before = asObject(entry.before);
  const after = asObject(entry.after);
  return BASIC_KEYS.some((key) => !same(before[key], after[key]));
}
