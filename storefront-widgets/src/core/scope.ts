/**
 * Whose snapshot this is: the declared customer (null or "" = guest), else the member token's
 * `sub` (read, not verified: it only names the cache entry), else unknown (nothing is cached).
 */
export function customerScope(declared: string | null | undefined, token: string | undefined): string | undefined {
  if (declared !== undefined) return declared === null || declared === "" ? "guest" : String(declared);
  if (!token) return undefined;
  try {
    const part = (token.split(".")[1] as string).replace(/-/g, "+").replace(/_/g, "/");
    const sub = JSON.parse(atob(part)).sub;
    return typeof sub === "string" && sub ? sub : undefined;
  } catch {
    return undefined;
  }
}
