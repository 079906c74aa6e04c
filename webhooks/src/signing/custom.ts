import { createHmac, timingSafeEqual } from "node:crypto";

/** How far a custom event's timestamp may be from now (replays older than this are refused). */
export const TOLERANCE_SECONDS = 300;

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` — what a sender puts in X-Kinship-Signature. */
export function signCustomEvent(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type CustomSignatureCheck =
  | { ok: true }
  | { ok: false; reason: "missing headers" | "unknown program" | "stale timestamp" | "bad signature"; error: string };

/**
 * The check every custom-event intake makes (the server's POST /webhooks/events, the Medusa
 * plugin's POST /hooks/kinship/events): the headers are there, the program has a secret, the
 * timestamp is within five minutes, and the signature is the HMAC of `<timestamp>.<raw body>`.
 */
export function checkCustomSignature(input: {
  rawBody: string;
  timestamp: string | undefined;
  signature: string | undefined;
  /** The program's secret; null when the program is unknown or has none. */
  secret: string | null;
  now: Date;
}): CustomSignatureCheck {
  const { rawBody, timestamp, signature, secret, now } = input;
  if (!timestamp || !signature)
    return { ok: false, reason: "missing headers", error: "X-Kinship-Timestamp and X-Kinship-Signature are required" };
  if (!secret) return { ok: false, reason: "unknown program", error: "unknown program or no webhook secret" };
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(now.getTime() / 1000 - ts) > TOLERANCE_SECONDS)
    return { ok: false, reason: "stale timestamp", error: "timestamp missing or more than 5 minutes away" };
  if (!sameSignature(signCustomEvent(secret, ts, rawBody), signature))
    return { ok: false, reason: "bad signature", error: "signature does not match" };
  return { ok: true };
}
