export {
  createMemberToken,
  MEMBER_TOKEN_AUDIENCE,
  type MemberTokenClaims,
  MemberTokenError,
  type MemberTokenFailure,
  type MemberTokenInput,
  verifyMemberToken,
} from "./member-token.ts";
