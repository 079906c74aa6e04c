import type { DeliveryStatus, WebhookDelivery } from "./types.ts";

/**
 * Outbound webhook endpoints as the screens edit them, independent of the view: the add form's
 * checks (an https URL, http only to this machine; at least one known topic), the delivery log's
 * filter, and which deliveries can be replayed.
 */

export interface EndpointForm {
  url: string;
  topics: string[];
  description: string;
}

export const emptyEndpointForm = (): EndpointForm => ({ url: "", topics: [], description: "" });

export type EndpointErrors = Partial<Record<keyof EndpointForm, string>>;

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The URL's problem, or null: https anywhere, http only to localhost (a receiver on this machine while testing). */
export function endpointUrlError(text: string): string | null {
  const url = text.trim();
  if (url === "") return "Enter the URL that receives the events";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Enter a full URL, like https://hooks.example.com/kinship";
  }
  if (parsed.protocol === "https:") return parsed.hostname ? null : "Enter a full URL, like https://hooks.example.com/kinship";
  if (parsed.protocol === "http:") return LOCAL_HOSTS.has(parsed.hostname) ? null : "Use https (http only for localhost)";
  return "Use an https URL";
}

/** The form's field errors against the topics the engine offers; empty when it can be sent. */
export function endpointErrors(form: EndpointForm, knownTopics: readonly string[]): EndpointErrors {
  const errors: EndpointErrors = {};
  const url = endpointUrlError(form.url);
  if (url) errors.url = url;
  if (form.topics.length === 0) errors.topics = "Choose at least one event";
  else {
    const unknown = form.topics.filter((t) => !knownTopics.includes(t));
    if (unknown.length > 0) errors.topics = `Unknown event ${unknown.join(", ")}`;
  }
  if (form.description.length > 500) errors.description = "Keep the description to 500 characters";
  return errors;
}

/** What the create mutation takes from a valid form: the URL trimmed, a blank description left out. */
export function endpointInput(form: EndpointForm): { url: string; topics: string[]; description: string | null } {
  const description = form.description.trim();
  return { url: form.url.trim(), topics: [...form.topics], description: description === "" ? null : description };
}

/** Adds or removes a topic, keeping the engine's order of topics. */
export function toggleTopic(selected: readonly string[], topic: string, on: boolean, order: readonly string[]): string[] {
  const next = new Set(selected);
  if (on) next.add(topic);
  else next.delete(topic);
  return order.filter((t) => next.has(t));
}

/** "points.earned" → "Points earned", for the topics' checkboxes. */
export function topicLabel(topic: string): string {
  const words = topic.replace(/[._]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const DELIVERY_FILTERS: { value: DeliveryStatus | "ALL"; label: string }[] = [
  { value: "ALL", label: "All deliveries" },
  { value: "DEAD", label: "Dead letters" },
  { value: "RETRYING", label: "Retrying" },
  { value: "PENDING", label: "Pending" },
  { value: "DELIVERED", label: "Delivered" },
];

const statusLabels: Record<DeliveryStatus, string> = {
  PENDING: "Pending",
  RETRYING: "Retrying",
  DELIVERED: "Delivered",
  DEAD: "Dead letter",
};

export function deliveryStatusLabel(status: DeliveryStatus): string {
  return statusLabels[status] ?? status;
}

/** The receiver's last answer in words: "HTTP 503", "timed out: …", "—". */
export function lastAnswer(delivery: Pick<WebhookDelivery, "lastStatus" | "lastError">): string {
  if (delivery.lastStatus !== null) return `HTTP ${delivery.lastStatus}${delivery.lastError ? ` · ${delivery.lastError}` : ""}`;
  return delivery.lastError ?? "—";
}

/** The ids to replay: the selected ones that are still dead (a delivery requeued since is left out). */
export function replayable(selected: ReadonlySet<string>, deliveries: readonly Pick<WebhookDelivery, "id" | "status">[]): string[] {
  return deliveries.filter((d) => d.status === "DEAD" && selected.has(d.id)).map((d) => d.id);
}
