/** Ledger cursors are opaque to clients: base64url of the last entry id they saw. */
export function encodeCursor(entryId: number): string {
  return Buffer.from(`entry:${entryId}`, "utf8").toString("base64url");
}

/** The entry id in a cursor, or null when the text is not one of ours. */
export function decodeCursor(cursor: string): number | null {
  const m = /^entry:([1-9]\d{0,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  const id = m ? Number(m[1]) : Number.NaN;
  return Number.isSafeInteger(id) ? id : null;
}
