import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signKinshipPayload, verifyKinshipSignature } from "../../src/index.ts";

const secret = "whsec_test-secret";
const now = new Date("2026-03-01T00:00:00Z");
const ts = Math.floor(now.getTime() / 1000);

describe("verifyKinshipSignature", () => {
  it("given any body signed at a timestamp, then it verifies, and any change to body, timestamp or secret does not", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: -299, max: 299 }), fc.string({ minLength: 1 }), (body, skew, tamper) => {
        const at = ts + skew;
        const header = signKinshipPayload(secret, at, body);
        expect(header).toMatch(/^v1=[0-9a-f]{64}$/);
        expect(verifyKinshipSignature(secret, String(at), body, header, now)).toBe(true);
        expect(verifyKinshipSignature(secret, String(at), Buffer.from(body, "utf8"), header, now)).toBe(true);
        expect(verifyKinshipSignature(secret, String(at), body + tamper, header, now)).toBe(false);
        expect(verifyKinshipSignature(secret, String(at + 1), body, header, now)).toBe(false);
        expect(verifyKinshipSignature(`${secret}x`, String(at), body, header, now)).toBe(false);
      }),
    );
  });

  it("given a stale or future timestamp beyond the tolerance, then it is refused even when the signature matches", () => {
    const body = '{"id":"1"}';
    for (const at of [ts - 301, ts + 301]) {
      const header = signKinshipPayload(secret, at, body);
      expect(verifyKinshipSignature(secret, String(at), body, header, now)).toBe(false);
      expect(verifyKinshipSignature(secret, String(at), body, header, now, 400)).toBe(true);
    }
  });

  it("given a header with several signatures, then one matching is enough; malformed input is refused", () => {
    const body = "{}";
    const good = signKinshipPayload(secret, ts, body);
    const other = signKinshipPayload("whsec_other", ts, body);
    expect(verifyKinshipSignature(secret, ts, body, `${other}, ${good}`, now)).toBe(true);
    expect(verifyKinshipSignature(secret, ts, body, other, now)).toBe(false);
    expect(verifyKinshipSignature(secret, ts, body, null, now)).toBe(false);
    expect(verifyKinshipSignature(secret, "12a", body, good, now)).toBe(false);
    expect(verifyKinshipSignature("", ts, body, good, now)).toBe(false);
  });
});
