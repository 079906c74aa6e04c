import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { createMemberToken, MEMBER_TOKEN_AUDIENCE, MemberTokenError, verifyMemberToken } from "../src/index.ts";

const secret = "9f2c1d0b7a65e4f3c2b1a09f8e7d6c5b";
const program = "demo.myshopify.com";

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MemberTokenError);
    return (error as MemberTokenError).reason;
  }
  throw new Error("the token was accepted");
}

describe("member tokens", () => {
  it("round-trips: HS256, iss = program, sub = customer, aud = kinship-storefront, 15 minutes", async () => {
    const now = new Date();
    const token = await createMemberToken({ secret, program, customerId: "6170000000001", now });
    const [header, payload] = token
      .split(".")
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p, "base64url").toString()));
    expect(header).toEqual({ alg: "HS256", typ: "JWT" });
    expect(payload).toMatchObject({ iss: program, sub: "6170000000001", aud: MEMBER_TOKEN_AUDIENCE });
    expect(payload.exp - payload.iat).toBe(900);

    const claims = await verifyMemberToken(token, secret, program);
    expect(claims).toEqual({ program, customerId: "6170000000001", expiresAt: new Date(payload.exp * 1000) });
  });

  it("refuses an expired token", async () => {
    const token = await createMemberToken({ secret, program, customerId: "42", ttlSeconds: 60, now: new Date(Date.now() - 61_000) });
    expect(await refusal(verifyMemberToken(token, secret, program))).toBe("expired");
    // …which was good while it lasted.
    await expect(verifyMemberToken(token, secret, program, new Date(Date.now() - 30_000))).resolves.toMatchObject({ customerId: "42" });
  });

  it("refuses a token for another program, even one signed with the same secret", async () => {
    const token = await createMemberToken({ secret, program: "other.myshopify.com", customerId: "42" });
    expect(await refusal(verifyMemberToken(token, secret, program))).toBe("invalid");
  });

  it("refuses a token signed with another program's secret", async () => {
    const token = await createMemberToken({ secret: "another-programs-secret", program, customerId: "42" });
    expect(await refusal(verifyMemberToken(token, secret, program))).toBe("invalid");
  });

  it("refuses a tampered token (customer id swapped, signature kept)", async () => {
    const token = await createMemberToken({ secret, program, customerId: "42" });
    const [h, p, sig] = token.split(".") as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...payload, sub: "1" })).toString("base64url");
    expect(await refusal(verifyMemberToken(`${h}.${forged}.${sig}`, secret, program))).toBe("invalid");
    expect(await refusal(verifyMemberToken(`${h}.${p}.${sig.slice(0, -2)}AA`, secret, program))).toBe("invalid");
  });

  it("refuses another audience, alg none, and garbage", async () => {
    const key = new TextEncoder().encode(secret);
    const foreignAud = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer(program)
      .setSubject("42")
      .setAudience("shopify-admin")
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(key);
    expect(await refusal(verifyMemberToken(foreignAud, secret, program))).toBe("invalid");

    const unsigned = [
      { alg: "none", typ: "JWT" },
      { iss: program, sub: "42", aud: MEMBER_TOKEN_AUDIENCE, iat: 1, exp: 9e9 },
    ]
      .map((part) => Buffer.from(JSON.stringify(part)).toString("base64url"))
      .join(".");
    expect(await refusal(verifyMemberToken(`${unsigned}.`, secret, program))).toBe("invalid");
    expect(await refusal(verifyMemberToken("not-a-token", secret, program))).toBe("invalid");
  });

  it("needs a secret, a program and a customer", async () => {
    await expect(createMemberToken({ secret: "", program, customerId: "42" })).rejects.toThrow(/secret/);
    await expect(createMemberToken({ secret, program, customerId: "" })).rejects.toThrow(/customer/);
    await expect(createMemberToken({ secret, program, customerId: "42", ttlSeconds: 0 })).rejects.toThrow(/ttlSeconds/);
  });
});
