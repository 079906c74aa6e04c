/** For merchants' backends: the member-token format (`@kinship/member-token`), re-exported unchanged. */
export {
  createMemberToken,
  MEMBER_TOKEN_AUDIENCE,
  type MemberTokenClaims,
  MemberTokenError,
  type MemberTokenFailure,
  type MemberTokenInput,
  verifyMemberToken,
} from "@kinship/member-token";
