/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type KinshipAdminMemberFieldsFragment = { customerId: string, growth: number, profile: unknown, tier: { key: string, name: string, threshold: number, badge: { label: string, color: string, icon: string | null } | null }, points: { available: number, pending: number, expiringSoon: Array<{ points: number, on: string }> }, nextTier: { key: string, name: string, remaining: number } | null };

export type KinshipAdminLedgerLineFieldsFragment = { key: string, kind: string, available: number, pending: number, reason: string, actor: string | null, orderId: string | null, occurredAt: string };

export type KinshipAdminProgramFieldsFragment = { key: string, version: number, config: unknown };

export type KinshipAdminMemberQueryVariables = Exact<{
  customerId: string | number;
}>;


export type KinshipAdminMemberQuery = { member: { customerId: string, growth: number, profile: unknown, tier: { key: string, name: string, threshold: number, badge: { label: string, color: string, icon: string | null } | null }, points: { available: number, pending: number, expiringSoon: Array<{ points: number, on: string }> }, nextTier: { key: string, name: string, remaining: number } | null } | null };

export type KinshipAdminMemberLedgerQueryVariables = Exact<{
  customerId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type KinshipAdminMemberLedgerQuery = { member: { customerId: string, ledger: { nextCursor: string | null, lines: Array<{ key: string, kind: string, available: number, pending: number, reason: string, actor: string | null, orderId: string | null, occurredAt: string }> } } | null };

export type KinshipAdminOrderQueryVariables = Exact<{
  orderId: string | number;
}>;


export type KinshipAdminOrderQuery = { order: { orderId: string, customerId: string, earned: number, reversed: number, growth: number, lines: Array<{ key: string, kind: string, available: number, pending: number, reason: string, actor: string | null, orderId: string | null, occurredAt: string }> } | null };

export type KinshipAdminProgramQueryVariables = Exact<{ [key: string]: never; }>;


export type KinshipAdminProgramQuery = { program: { key: string, version: number, config: unknown } };

export type KinshipAdminAuditQueryVariables = Exact<{
  first: number;
}>;


export type KinshipAdminAuditQuery = { audit: Array<{ actor: string, action: string, subject: string, before: unknown, after: unknown, at: string }> };

export type KinshipAdminPartnersQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type KinshipAdminPartnersQuery = { partners: Array<{ partner: string, name: string, claimed: number, settlementPrice: number, amountDue: number, currency: string, codesImported: number, codesLeft: number }> };

export type KinshipAdminAdjustPointsMutationVariables = Exact<{
  customerId: string | number;
  points: number;
  reason: string;
  idempotencyKey: string;
}>;


export type KinshipAdminAdjustPointsMutation = { adjustPoints: { customerId: string, growth: number, profile: unknown, tier: { key: string, name: string, threshold: number, badge: { label: string, color: string, icon: string | null } | null }, points: { available: number, pending: number, expiringSoon: Array<{ points: number, on: string }> }, nextTier: { key: string, name: string, remaining: number } | null } };

export type KinshipAdminUpdateProgramMutationVariables = Exact<{
  config: unknown;
}>;


export type KinshipAdminUpdateProgramMutation = { updateProgram: { key: string, version: number, config: unknown } };

export type KinshipAdminImportPerkCodesMutationVariables = Exact<{
  partner: string | number;
  codes: Array<string> | string;
}>;


export type KinshipAdminImportPerkCodesMutation = { importPerkCodes: { partner: string, added: number, alreadyThere: number } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const KinshipAdminMemberFieldsFragmentDoc = new TypedDocumentString(`
    fragment KinshipAdminMemberFields on AdminMember {
  customerId
  tier {
    key
    name
    threshold
    badge {
      label
      color
      icon
    }
  }
  points {
    available
    pending
    expiringSoon {
      points
      on
    }
  }
  growth
  nextTier {
    key
    name
    remaining
  }
  profile
}
    `, {"fragmentName":"KinshipAdminMemberFields"}) as unknown as TypedDocumentString<KinshipAdminMemberFieldsFragment, unknown>;
export const KinshipAdminLedgerLineFieldsFragmentDoc = new TypedDocumentString(`
    fragment KinshipAdminLedgerLineFields on LedgerLine {
  key
  kind
  available
  pending
  reason
  actor
  orderId
  occurredAt
}
    `, {"fragmentName":"KinshipAdminLedgerLineFields"}) as unknown as TypedDocumentString<KinshipAdminLedgerLineFieldsFragment, unknown>;
export const KinshipAdminProgramFieldsFragmentDoc = new TypedDocumentString(`
    fragment KinshipAdminProgramFields on ProgramConfig {
  key
  version
  config
}
    `, {"fragmentName":"KinshipAdminProgramFields"}) as unknown as TypedDocumentString<KinshipAdminProgramFieldsFragment, unknown>;
export const KinshipAdminMemberDocument = new TypedDocumentString(`
    query KinshipAdminMember($customerId: ID!) {
  member(customerId: $customerId) {
    ...KinshipAdminMemberFields
  }
}
    fragment KinshipAdminMemberFields on AdminMember {
  customerId
  tier {
    key
    name
    threshold
    badge {
      label
      color
      icon
    }
  }
  points {
    available
    pending
    expiringSoon {
      points
      on
    }
  }
  growth
  nextTier {
    key
    name
    remaining
  }
  profile
}`) as unknown as TypedDocumentString<KinshipAdminMemberQuery, KinshipAdminMemberQueryVariables>;
export const KinshipAdminMemberLedgerDocument = new TypedDocumentString(`
    query KinshipAdminMemberLedger($customerId: ID!, $first: Int!, $after: String) {
  member(customerId: $customerId) {
    customerId
    ledger(first: $first, after: $after) {
      lines {
        ...KinshipAdminLedgerLineFields
      }
      nextCursor
    }
  }
}
    fragment KinshipAdminLedgerLineFields on LedgerLine {
  key
  kind
  available
  pending
  reason
  actor
  orderId
  occurredAt
}`) as unknown as TypedDocumentString<KinshipAdminMemberLedgerQuery, KinshipAdminMemberLedgerQueryVariables>;
export const KinshipAdminOrderDocument = new TypedDocumentString(`
    query KinshipAdminOrder($orderId: ID!) {
  order(orderId: $orderId) {
    orderId
    customerId
    earned
    reversed
    growth
    lines {
      ...KinshipAdminLedgerLineFields
    }
  }
}
    fragment KinshipAdminLedgerLineFields on LedgerLine {
  key
  kind
  available
  pending
  reason
  actor
  orderId
  occurredAt
}`) as unknown as TypedDocumentString<KinshipAdminOrderQuery, KinshipAdminOrderQueryVariables>;
export const KinshipAdminProgramDocument = new TypedDocumentString(`
    query KinshipAdminProgram {
  program {
    ...KinshipAdminProgramFields
  }
}
    fragment KinshipAdminProgramFields on ProgramConfig {
  key
  version
  config
}`) as unknown as TypedDocumentString<KinshipAdminProgramQuery, KinshipAdminProgramQueryVariables>;
export const KinshipAdminAuditDocument = new TypedDocumentString(`
    query KinshipAdminAudit($first: Int!) {
  audit(first: $first) {
    actor
    action
    subject
    before
    after
    at
  }
}
    `) as unknown as TypedDocumentString<KinshipAdminAuditQuery, KinshipAdminAuditQueryVariables>;
export const KinshipAdminPartnersDocument = new TypedDocumentString(`
    query KinshipAdminPartners($from: DateTime!, $to: DateTime!) {
  partners(from: $from, to: $to) {
    partner
    name
    claimed
    settlementPrice
    amountDue
    currency
    codesImported
    codesLeft
  }
}
    `) as unknown as TypedDocumentString<KinshipAdminPartnersQuery, KinshipAdminPartnersQueryVariables>;
export const KinshipAdminAdjustPointsDocument = new TypedDocumentString(`
    mutation KinshipAdminAdjustPoints($customerId: ID!, $points: Int!, $reason: String!, $idempotencyKey: String!) {
  adjustPoints(
    customerId: $customerId
    points: $points
    reason: $reason
    idempotencyKey: $idempotencyKey
  ) {
    ...KinshipAdminMemberFields
  }
}
    fragment KinshipAdminMemberFields on AdminMember {
  customerId
  tier {
    key
    name
    threshold
    badge {
      label
      color
      icon
    }
  }
  points {
    available
    pending
    expiringSoon {
      points
      on
    }
  }
  growth
  nextTier {
    key
    name
    remaining
  }
  profile
}`) as unknown as TypedDocumentString<KinshipAdminAdjustPointsMutation, KinshipAdminAdjustPointsMutationVariables>;
export const KinshipAdminUpdateProgramDocument = new TypedDocumentString(`
    mutation KinshipAdminUpdateProgram($config: JSON!) {
  updateProgram(config: $config) {
    ...KinshipAdminProgramFields
  }
}
    fragment KinshipAdminProgramFields on ProgramConfig {
  key
  version
  config
}`) as unknown as TypedDocumentString<KinshipAdminUpdateProgramMutation, KinshipAdminUpdateProgramMutationVariables>;
export const KinshipAdminImportPerkCodesDocument = new TypedDocumentString(`
    mutation KinshipAdminImportPerkCodes($partner: ID!, $codes: [String!]!) {
  importPerkCodes(partner: $partner, codes: $codes) {
    partner
    added
    alreadyThere
  }
}
    `) as unknown as TypedDocumentString<KinshipAdminImportPerkCodesMutation, KinshipAdminImportPerkCodesMutationVariables>;