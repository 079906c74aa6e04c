import { createHmac, timingSafeEqual } from "node:crypto";

/** Seconds a signed delivery stays acceptable to a receiver by default (replays older than this are refused). */
export const KINSHIP_SIGNATURE_TOLERANCE_SEC = 300;

/**
 * The `X-Kinship-Signature` of an outbound webhook: `v1=` and the hex HMAC-SHA256, keyed with the
 * endpoint's secret, of `<timestamp>.<body>` (the `X-Kinship-Timestamp` header, in Unix seconds,
 * a dot, then the raw body bytes as sent).
 */
export function signKinshipPayload(secret: string, timestamp: number | string, body: string | Uint8Array): string {
  const mac = createHmac("sha256", secret);
  mac.update(`${timestamp}.`);
  mac.update(body);
  return `v1=${mac.digest("hex")}`;
}

/**
 * For receivers of Kinship's webhooks: whether `header` (X-Kinship-Signature) signs `body` (the raw
 * bytes received, not re-serialised JSON) at `timestamp` (X-Kinship-Timestamp) with `secret`, and the
 * timestamp is within `toleranceSec` of `now`. The header may carry several comma-separated `v1=`
 * values (a rotation): one match is enough. Compared in constant time.
 */
export function verifyKinshipSignature(
  secret: string,
  timestamp: string | number | null | undefined,
  body: string | Uint8Array,
  header: string | null | undefined,
  now: Date = new Date(),
  toleranceSec: number = KINSHIP_SIGNATURE_TOLERANCE_SEC,
): boolean {
  if (!secret || header == null || timestamp == null) return false;
  const ts = String(timestamp);
  if (!/^[0-9]{1,12}$/.test(ts)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(ts)) > toleranceSec) return false;
  const expected = Buffer.from(signKinshipPayload(secret, ts, body), "utf8");
  return header.split(",").some((part) => {
    const given = Buffer.from(part.trim(), "utf8");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
