import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Shop tokens at rest: AES-256-GCM with a random 12-byte IV per value and the 16-byte auth tag
 * kept, bound (as additional data) to the shop and the kind of token, so a value copied to
 * another row or column does not open. A sealed value reads `k<version>:<base64url(iv|tag|data)>`:
 * the version names the key, so a later key can be added beside this one and values re-sealed.
 */
export interface TokenCipher {
  readonly version: number;
  seal(plain: string, context: string): string;
  /** Throws TokenCipherError for a tampered value, another key's value or one of an unknown key version. */
  open(sealed: string, context: string): string;
}

export class TokenCipherError extends Error {
  override name = "TokenCipherError";
}

const IV = 12;
const TAG = 16;
const HEX = /^[0-9a-fA-F]{64}$/;
const BASE64 = /^[A-Za-z0-9+/_-]{43}=?$/;

/** KINSHIP_TOKEN_KEY: 32 bytes as 64 hex characters or base64 (`openssl rand -base64 32`). Never echoes the key. */
export function parseTokenKey(raw: string): Buffer {
  const s = raw.trim();
  const key = HEX.test(s)
    ? Buffer.from(s, "hex")
    : BASE64.test(s)
      ? Buffer.from(s, s.includes("-") || s.includes("_") ? "base64url" : "base64")
      : null;
  if (key?.length !== 32)
    throw new TokenCipherError(
      `KINSHIP_TOKEN_KEY must be 32 bytes written as 64 hex characters or as base64 (make one with \`openssl rand -base64 32\`); the value given (${s.length} characters) is neither`,
    );
  return key;
}

export function tokenCipher(key: string | Buffer, version = 1): TokenCipher {
  const k = typeof key === "string" ? parseTokenKey(key) : key;
  if (k.length !== 32) throw new TokenCipherError(`a token key is 32 bytes, not ${k.length}`);
  if (!Number.isInteger(version) || version < 1) throw new TokenCipherError(`a token key version is a positive integer, not ${version}`);
  const prefix = `k${version}:`;
  return {
    version,
    seal(plain, context) {
      const iv = randomBytes(IV);
      const cipher = createCipheriv("aes-256-gcm", k, iv);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return prefix + Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64url");
    },
    open(sealed, context) {
      const m = /^k(\d+):([A-Za-z0-9_-]+)$/.exec(sealed);
      if (!m) throw new TokenCipherError("not a sealed token");
      if (m[1] !== String(version))
        throw new TokenCipherError(`the token was sealed with key version ${m[1]}; this engine holds version ${version}`);
      const bytes = Buffer.from(m[2] ?? "", "base64url");
      if (bytes.length < IV + TAG) throw new TokenCipherError("a sealed token too short to be one");
      try {
        const decipher = createDecipheriv("aes-256-gcm", k, bytes.subarray(0, IV));
        decipher.setAAD(Buffer.from(context, "utf8"));
        decipher.setAuthTag(bytes.subarray(IV, IV + TAG));
        return Buffer.concat([decipher.update(bytes.subarray(IV + TAG)), decipher.final()]).toString("utf8");
      } catch {
        throw new TokenCipherError("the token does not open with KINSHIP_TOKEN_KEY: another key sealed it, or it was altered");
      }
    },
  };
}
