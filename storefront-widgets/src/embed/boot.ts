import { messages } from "../core/messages.ts";
import { customerScope } from "../core/scope.ts";
import { createSession } from "../core/session.ts";
import { snapshotKey, snapshotStore } from "../core/snapshot.ts";
import type { EmbedConfig } from "./config.ts";
import { defineElements, setContext } from "./elements.ts";
import { fetchRequest } from "./request.ts";

/** Starts (or restarts, with a fresh session) the embed; defines the elements once per page. */
export function start(config: EmbedConfig, fetchImpl?: typeof fetch): void {
  const customer = customerScope(config.customer, config.token);
  const request = fetchRequest(config, fetchImpl);
  const snapshot = snapshotStore(customer && snapshotKey(config.endpoint, config.program, customer));
  setContext({
    session: createSession({ request, snapshot, customer }),
    request,
    snapshot,
    customer,
    m: { ...messages, ...config.messages },
    locale: config.locale,
    currency: config.currency,
  });
  if (!customElements.get("kinship-price")) defineElements();
}
