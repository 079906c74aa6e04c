/** Shopify's GraphQL ids (gid://shopify/ProductVariant/123) as the numeric tail the webhooks and the engine use. */
export function idOf(gid: unknown, type: string): string {
  const m = typeof gid === "string" ? /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)$/.exec(gid) : null;
  if (!m || m[1] !== type) throw new Error(`expected a ${type} id (gid://shopify/${type}/<number>), received ${JSON.stringify(gid)}`);
  return m[2] as string;
}

/** The GraphQL id of a numeric id the webhooks gave. */
export function gidOf(type: string, id: string): string {
  return `gid://shopify/${type}/${id}`;
}

/** The type named in a GraphQL id ("ProductVariant"), or null. */
export function typeOf(gid: unknown): string | null {
  return typeof gid === "string" ? (/^gid:\/\/shopify\/([A-Za-z]+)\//.exec(gid)?.[1] ?? null) : null;
}
