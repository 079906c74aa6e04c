/** JSON over HTTP to the test store, failing with the answer's body when the status is not the expected one. */
export interface Call {
  method?: "GET" | "POST" | "DELETE";
  body?: unknown;
  token?: string | null;
  publishableKey?: string;
  expect?: number;
}

export async function call<T = Record<string, unknown>>(base: string, path: string, c: Call = {}): Promise<T> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (c.token) headers.authorization = `Bearer ${c.token}`;
  if (c.publishableKey) headers["x-publishable-api-key"] = c.publishableKey;
  const res = await fetch(`${base}${path}`, {
    method: c.method ?? (c.body === undefined ? "GET" : "POST"),
    headers,
    ...(c.body === undefined ? {} : { body: JSON.stringify(c.body) }),
  });
  const text = await res.text();
  const expected = c.expect ?? 200;
  if (res.status !== expected)
    throw new Error(
      `${c.method ?? (c.body === undefined ? "GET" : "POST")} ${path}: ${res.status} (expected ${expected}): ${text.slice(0, 2000)}`,
    );
  return (text ? JSON.parse(text) : {}) as T;
}
