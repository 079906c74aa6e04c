import * as format from "@kinship/member-token";
import { describe, expect, it } from "vitest";
import * as server from "../src/server/index.ts";

describe("@kinship/widgets/server", () => {
  it("is the member-token format of @kinship/member-token, unchanged, for merchants' backends", async () => {
    expect(Object.keys(server).sort()).toEqual(["MEMBER_TOKEN_AUDIENCE", "MemberTokenError", "createMemberToken", "verifyMemberToken"]);
    expect(server.createMemberToken).toBe(format.createMemberToken);
    expect(server.verifyMemberToken).toBe(format.verifyMemberToken);
    expect(server.MemberTokenError).toBe(format.MemberTokenError);
    expect(server.MEMBER_TOKEN_AUDIENCE).toBe("kinship-storefront");
    const secret = "9f2c1d0b7a65e4f3c2b1a09f8e7d6c5b";
    const token = await server.createMemberToken({ secret, program: "shop.myshopify.com", customerId: "42" });
    expect((await server.verifyMemberToken(token, secret, "shop.myshopify.com")).customerId).toBe("42");
  });
});
