import { errors, jwtVerify, SignJWT } from "jose";

/**
 * Member tokens for headless storefronts: the storefront's server (which knows who is logged in)
 * signs one with the program's secret (`kinship program secret`) and hands it to the browser;
 * the widgets send it as `Authorization: Bearer <token>` and Kinship verifies it.
 * HS256; iss = program key, sub = customer id, aud = "kinship-storefront".
 */
export const MEMBER_TOKEN_AUDIENCE = "kinship-storefront";

export interface MemberTokenInput {
  secret: string;
  program: string;
  customerId: string;
  /** Lifetime; 15 minutes by default. */
  ttlSeconds?: number;
  /** For tests: the issue time. */
  now?: Date;
}

export interface MemberTokenClaims {
  program: string;
  customerId: string;
  expiresAt: Date;
}

export type MemberTokenFailure = "expired" | "invalid";

/** Why a token was refused; the server answers 401 either way. */
export class MemberTokenError extends Error {
  readonly reason: MemberTokenFailure;
  constructor(reason: MemberTokenFailure, message: string) {
    super(message);
    this.name = "MemberTokenError";
    this.reason = reason;
  }
}

const key = (secret: string) => {
  if (!secret) throw new TypeError("the program secret is empty");
  return new TextEncoder().encode(secret);
};

export async function createMemberToken({
  secret,
  program,
  customerId,
  ttlSeconds = 900,
  now = new Date(),
}: MemberTokenInput): Promise<string> {
  if (!program || !customerId) throw new TypeError("a member token needs a program and a customer id");
  if (!(ttlSeconds > 0)) throw new RangeError(`ttlSeconds must be positive, got ${ttlSeconds}`);
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(program)
    .setSubject(customerId)
    .setAudience(MEMBER_TOKEN_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + Math.floor(ttlSeconds))
    .sign(key(secret));
}

/**
 * Checks the signature (HS256 only), issuer (this program), audience and expiry. Throws
 * MemberTokenError: "expired", or "invalid" for anything else (tampered, foreign, malformed).
 */
export async function verifyMemberToken(token: string, secret: string, program: string, now?: Date): Promise<MemberTokenClaims> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: ["HS256"],
      issuer: program,
      audience: MEMBER_TOKEN_AUDIENCE,
      requiredClaims: ["sub", "exp", "iat"],
      ...(now ? { currentDate: now } : {}),
    });
    if (typeof payload.sub !== "string" || !payload.sub) throw new MemberTokenError("invalid", "the token names no customer");
    return { program, customerId: payload.sub, expiresAt: new Date((payload.exp as number) * 1000) };
  } catch (error) {
    if (error instanceof MemberTokenError) throw error;
    if (error instanceof errors.JWTExpired) throw new MemberTokenError("expired", "the member token has expired");
    throw new MemberTokenError("invalid", `the member token is not valid: ${(error as Error).message}`);
  }
}
