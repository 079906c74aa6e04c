import { type EngineError, err, ok, type Result } from "../result.ts";
import { EVENT_TOPICS, type EventTopic, isEventTopic } from "./topics.ts";

/** Where a program's events go: a webhook endpoint, Shopify Flow, or Medusa's event bus. */
export type SinkKind = "webhook" | "flow" | "medusa";
export const SINK_KINDS: readonly SinkKind[] = ["webhook", "flow", "medusa"];

export type DeliveryStatus = "pending" | "retrying" | "delivered" | "dead";
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ["pending", "retrying", "delivered", "dead"];

export const ENDPOINT_URL_MAX = 2000;
export const ENDPOINT_DESCRIPTION_MAX = 500;
/** Attempts before a delivery is dead (about a day and a half with the backoff below). */
export const DELIVERY_MAX_ATTEMPTS = 12;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 6 * 3600_000;

export interface EndpointFields {
  url?: string | undefined;
  topics?: readonly string[] | undefined;
  description?: string | null | undefined;
}

/** The fields given, cleaned (topics deduplicated in EVENT_TOPICS order), or every reason they are refused. */
export function checkEndpoint(
  fields: EndpointFields,
): Result<{ url?: string; topics?: EventTopic[]; description?: string | null }, EngineError> {
  const issues: string[] = [];
  const out: { url?: string; topics?: EventTopic[]; description?: string | null } = {};
  if (fields.url !== undefined) {
    const problem = endpointUrlProblem(fields.url);
    if (problem) issues.push(problem);
    else out.url = fields.url.trim();
  }
  if (fields.topics !== undefined) {
    const unknown = fields.topics.filter((t) => !isEventTopic(t));
    if (unknown.length > 0) issues.push(`unknown topics: ${unknown.join(", ")} (known: ${EVENT_TOPICS.join(", ")})`);
    else if (fields.topics.length === 0) issues.push("topics: at least one topic");
    else out.topics = EVENT_TOPICS.filter((t) => fields.topics?.includes(t));
  }
  if (fields.description !== undefined) {
    const d = fields.description?.trim() ?? "";
    if (d.length > ENDPOINT_DESCRIPTION_MAX) issues.push(`description: at most ${ENDPOINT_DESCRIPTION_MAX} characters`);
    else out.description = d === "" ? null : d;
  }
  if (issues.length > 0) return err({ code: "InvalidEndpoint", message: `webhook endpoint refused: ${issues.join("; ")}`, issues });
  return ok(out);
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Why a URL cannot be an endpoint (null when it can): https, or http only to this machine; no credentials in it. */
export function endpointUrlProblem(raw: string): string | null {
  const text = raw.trim();
  if (text.length === 0 || text.length > ENDPOINT_URL_MAX) return `url: 1 to ${ENDPOINT_URL_MAX} characters`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `url: ${JSON.stringify(text.slice(0, 100))} is not a URL`;
  }
  if (url.username || url.password) return "url: must not carry a user name or password";
  if (url.hash) return "url: must not have a #fragment";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname)) return null;
  return "url: must be https (http only to localhost or 127.0.0.1)";
}

/**
 * How long a delivery that failed its `attempts`-th time waits: 30 s doubling to at most 6 h, with
 * jitter (`random` in [0, 1)) spreading it over ±20% so receivers coming back are not stampeded.
 */
export function retryDelayMs(attempts: number, random: number): number {
  const exp = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  return Math.round(exp * (0.8 + 0.4 * random));
}
