import type { GraphQLRequest } from "../core/types.ts";
import type { EmbedConfig } from "./config.ts";

/** Plain fetch (no GraphQL client: the embed must stay small). */
export function fetchRequest(c: EmbedConfig, f: typeof fetch = fetch): GraphQLRequest {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (c.token) headers.authorization = `Bearer ${c.token}`;
  else if (c.program) headers["x-kinship-program"] = c.program;
  return (query, variables) =>
    f(c.endpoint, { method: "POST", headers, credentials: "same-origin", body: JSON.stringify({ query, variables }) })
      .then((r) => r.json())
      .then((body) => {
        // The answer rides on the error, as graphql-request's does: errorCode reads its code.
        if (!body.data) throw Object.assign(new Error(body.errors?.[0]?.message || "Kinship API error"), { response: body });
        return body.data;
      });
}
