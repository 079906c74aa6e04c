/** What an intake handler answers; the HTTP layer only copies it out. */
export interface IntakeReply {
  status: 200 | 202 | 400 | 401 | 413 | 503;
  body: { ok: boolean; outcome: string; inboxId?: number; error?: string };
  /** For the log line: why it was answered so. */
  log: Record<string, unknown>;
}

export const reply = (
  status: IntakeReply["status"],
  outcome: string,
  log: Record<string, unknown> = {},
  extra: Partial<IntakeReply["body"]> = {},
): IntakeReply => ({
  status,
  body: { ok: status < 300, outcome, ...extra },
  log: { outcome, ...log },
});

export function isJson(raw: string): boolean {
  try {
    JSON.parse(raw);
    return true;
  } catch {
    return false;
  }
}
