import type { AuditEntry } from "./types.ts";

/**
 * The Activity screens' audit log in words (both admins): what each entry changed, for an owner rather than a
 * developer. A config save lists the settings and the tiers, rules, rewards, member prices and
 * partners it added, removed or changed; unknown actions still read as "action on subject".
 */

export interface AuditSummary {
  title: string;
  /** One line per change, in the config's order. */
  changes: string[];
}

type Json = Record<string, unknown>;
const record = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});

/** JSON with sorted keys, so equal values compare equal whatever order jsonb gave their keys. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const lists: Record<string, { noun: string; plural: string }> = {
  tiers: { noun: "tier", plural: "Tiers" },
  rules: { noun: "earn rule", plural: "Earn rules" },
  rewards: { noun: "reward", plural: "Rewards" },
  benefits: { noun: "member price", plural: "Member prices" },
  partners: { noun: "partner", plural: "Partners" },
};

const settingNames: Record<string, string> = {
  name: "Program name",
  currency: "Currency",
  timezone: "Time zone",
  pointValue: "Point value",
  rounding: "Rounding",
  pendingDays: "Pending days",
  expiry: "Expiry",
  allowNegativeBalance: "Negative balances",
  growth: "Qualification window",
  tierPolicy: "Grace days",
};

/** The program settings an owner sets on the Settings screen (not the lists other screens edit). */
export const BASIC_KEYS = Object.keys(settingNames);

function describeSetting(key: string, value: unknown): string {
  const v = record(value);
  switch (key) {
    case "pointValue":
      return `${v.points} points = ${v.money} minor units`;
    case "expiry":
      if (v.kind === "afterEarn") return `${v.days} days after earning${v.roundToMonthEnd ? ", at month end" : ""}`;
      if (v.kind === "inactivity") return `after ${v.days} days without activity`;
      return "never";
    case "growth": {
      const w = record(v.window);
      if (w.kind === "rolling") return `the last ${w.months} months`;
      return w.kind === "calendarYear" ? "the calendar year" : "lifetime";
    }
    case "tierPolicy":
      return `${v.graceDays} days`;
    default:
      return value === undefined ? "unset" : typeof value === "string" ? `“${value}”` : canonical(value);
  }
}

function itemId(item: Json): string {
  return String(item.key ?? item.id ?? item.name ?? canonical(item));
}

function itemName(item: Json): string {
  return `“${String(item.name ?? itemId(item))}”`;
}

function listChanges(key: string, before: unknown, after: unknown): string[] {
  const { noun, plural } = lists[key] as { noun: string; plural: string };
  const old = (Array.isArray(before) ? before : []).map(record);
  const now = (Array.isArray(after) ? after : []).map(record);
  const oldById = new Map(old.map((i) => [itemId(i), i]));
  const nowIds = new Set(now.map(itemId));
  const out: string[] = [];
  for (const item of now) {
    const was = oldById.get(itemId(item));
    if (!was) out.push(`Added ${noun} ${itemName(item)}`);
    else if (canonical(was) !== canonical(item)) {
      const fields = Object.keys({ ...was, ...item }).filter((f) => canonical(was[f]) !== canonical(item[f]));
      const threshold = key === "tiers" && fields.includes("threshold") ? ` (threshold ${was.threshold} → ${item.threshold})` : "";
      out.push(`Changed ${noun} ${itemName(item)}: ${fields.join(", ")}${threshold}`);
    }
  }
  for (const item of old) if (!nowIds.has(itemId(item))) out.push(`Removed ${noun} ${itemName(item)}`);
  if (out.length === 0) out.push(`${plural} reordered`);
  return out;
}

/** What a config save changed, setting by setting and item by item. */
export function configChanges(before: unknown, after: unknown): string[] {
  const b = record(before);
  const a = record(after);
  const out: string[] = [];
  for (const key of Object.keys({ ...b, ...a })) {
    if (canonical(b[key]) === canonical(a[key])) continue;
    if (key in lists) out.push(...listChanges(key, b[key], a[key]));
    else out.push(`${settingNames[key] ?? key}: ${describeSetting(key, b[key])} → ${describeSetting(key, a[key])}`);
  }
  return out;
}

export function summarizeAudit(entry: Pick<AuditEntry, "action" | "subject" | "before" | "after">): AuditSummary {
  const after = record(entry.after);
  switch (entry.action) {
    case "program.create":
      return { title: "Created the program", changes: [] };
    case "config.update": {
      const version = /@(\d+)$/.exec(entry.subject)?.[1];
      const changes = configChanges(entry.before, entry.after);
      return { title: version ? `Saved the settings as version ${version}` : "Saved the settings", changes };
    }
    case "partner.codes.import":
      return {
        title: `Imported ${after.added ?? 0} perk codes for partner ${entry.subject}`,
        changes: Number(after.alreadyThere) > 0 ? [`${after.alreadyThere} were already in the pool`] : [],
      };
    case "member.redact":
      return { title: `Erased a member's personal data (${entry.subject})`, changes: [] };
    case "member.override": {
      // after: { override (null once cleared), tier (the member's tier now), request: { tier, until, reason } }
      const request = record(after.request);
      const until = typeof request.until === "string" ? ` until ${request.until.slice(0, 10)}` : "";
      const changes = typeof request.reason === "string" ? [`Reason: ${request.reason}`] : [];
      if (request.tier == null) return { title: `Removed the tier override of ${entry.subject}`, changes };
      return { title: `Held ${entry.subject} in tier ${String(request.tier)}${until}`, changes };
    }
    default:
      return { title: `${entry.action} on ${entry.subject}`, changes: [] };
  }
}

/** The entry as one line: its title, then its changes. */
export function auditSummaryLine(entry: Pick<AuditEntry, "action" | "subject" | "before" | "after">): string {
  const { title, changes } = summarizeAudit(entry);
  return changes.length > 0 ? `${title}: ${changes.join("; ")}` : title;
}

/** Whether an audit entry changed any of the program's basics (Settings). */
export function changesBasics(entry: Pick<AuditEntry, "action" | "before" | "after">): boolean {
  if (entry.action !== "config.update") return false;
  const before = record(entry.before);
  const after = record(entry.after);
  return BASIC_KEYS.some((key) => canonical(before[key]) !== canonical(after[key]));
}
