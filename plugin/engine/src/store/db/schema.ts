import type { ColumnType, Generated } from "kysely";

/** int8 comes back as a string (pg) or bigint (PGlite); read it through `num()`. */
type Int8 = ColumnType<string | number | bigint, number, number>;
type Id = ColumnType<string | number | bigint, never, never>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface ProgramTable {
  id: Id;
  key: string;
  platform: "shopify" | "medusa" | "custom";
  config: Json;
  config_version: Generated<number>;
  created_at: Date;
  webhook_secret: string | null;
}

export interface ProgramConfigTable {
  program_id: Int8;
  version: number;
  config: Json;
  actor: string;
  created_at: Date;
}

export interface AuditTable {
  id: Id;
  program_id: Int8;
  actor: string;
  action: string;
  subject: string;
  before: Json | null;
  after: Json | null;
  at: Date;
  request_key: Generated<string | null>;
}

export interface MemberTable {
  id: Id;
  program_id: Int8;
  customer_id: string;
  available: Int8;
  pending: Int8;
  debt: Int8;
  growth: Int8;
  tier_key: string;
  tier_since: Date;
  downgrade_due_at: Date | null;
  last_activity_at: Date | null;
  profile: Json;
  profile_updated_at: Date | null;
  created_at: Date;
  updated_at: Date;
  override_tier: Generated<string | null>;
  override_until: Generated<Date | null>;
  override_reason: Generated<string | null>;
  override_actor: Generated<string | null>;
  override_set_at: Generated<Date | null>;
  /** Paid membership purchases (0015; core/membership/record.ts). */
  membership: Generated<Json | null>;
  membership_due_at: Generated<Date | null>;
}

export interface LotTable {
  id: Id;
  program_id: Int8;
  member_id: Int8;
  key: string;
  kind: string;
  amount: Int8;
  remaining: Int8;
  reversed: Int8;
  status: string;
  earned_at: Date;
  available_at: Date;
  expires_at: Date | null;
  order_id: string | null;
  rule_id: string | null;
  rule: Json | null;
  basis: Json;
}

export interface EntryTable {
  id: Id;
  program_id: Int8;
  member_id: Int8;
  key: string;
  kind: string;
  available_delta: Int8;
  pending_delta: Int8;
  debt_delta: Int8;
  written_off: Int8;
  lot_id: Int8 | null;
  order_id: string | null;
  reason: string;
  actor: string | null;
  occurred_at: Date;
  recorded_at: Date;
}

export interface ConsumptionTable {
  entry_id: Int8;
  lot_id: Int8;
  points: Int8;
}

export interface GrowthTable {
  id: Id;
  program_id: Int8;
  member_id: Int8;
  key: string;
  amount: Int8;
  occurred_at: Date;
  reason: string;
  order_id: string | null;
  rule_id: string | null;
}

export interface OrderTable {
  program_id: Int8;
  order_id: string;
  member_id: Int8;
  record: Json;
}

export interface TierChangeTable {
  id: Id;
  program_id: Int8;
  member_id: Int8;
  key: string;
  from_tier: string | null;
  to_tier: string;
  reason: string;
  growth: Int8;
  at: Date;
}

export interface MemberCampaignTable {
  member_id: Int8;
  state: Json;
}

export interface CapUsageTable {
  member_id: Int8;
  cap_key: string;
  points: Int8;
  growth: Int8;
}

export interface EventTable {
  program_id: Int8;
  key: string;
  type: string;
  status: "applied" | "held" | "ignored";
  received_at: Date;
  /** An order in another currency than the program's: that currency (it earned nothing). */
  currency: string | null;
}

export interface HeldEventTable {
  program_id: Int8;
  key: string;
  order_id: string;
  event: Json;
  held_at: Date;
}

export interface OutboxTable {
  id: Id;
  program_id: Int8;
  key: string;
  topic: string;
  payload: Json;
  created_at: Date;
  delivered_at: Date | null;
  attempts: Generated<number>;
  claim_token: string | null;
  claimed_until: Date | null;
  retry_at: Date | null;
  last_error: string | null;
  /** Re-arm counter (bigint, read as text). */
  seq: Generated<Int8>;
}

export interface ShopTable {
  domain: string;
  program_id: Int8;
  /** Plain text before 0008; emptied once an engine with a token key seals it. */
  access_token: string | null;
  installed_at: Date;
  uninstalled_at: Date | null;
  access_token_sealed: string | null;
  access_token_expires_at: Date | null;
  refresh_token_sealed: string | null;
  refresh_token_expires_at: Date | null;
  token_version: ColumnType<string | number, number | undefined, number>;
  refreshing_until: Date | null;
  token_refused_at: Date | null;
  token_refused_reason: string | null;
  /** Comma-separated, as Shopify writes them; null until a grant is known (0011). */
  granted_scopes: string | null;
  scopes_granted_at: Date | null;
  /** The member-price automatic app discount's id on Shopify (0012). */
  discount_id: string | null;
  discount_config_hash: string | null;
  discount_problem: string | null;
}

export type InboxStatus = "queued" | "applied" | "ignored" | "dead";

export interface InboxTable {
  id: Id;
  source: "shopify" | "custom" | "medusa";
  program_key: string;
  delivery_key: string;
  topic: string;
  /** The raw body, byte for byte (64-bit ids survive); cleared once applied. */
  payload: string | null;
  meta: Json;
  status: InboxStatus;
  attempts: Generated<number>;
  last_error: string | null;
  received_at: Date;
  processed_at: Date | null;
}

export interface DataExportTable {
  id: Id;
  program_id: Int8;
  customer_id: string;
  request_ref: string | null;
  export: Json;
  created_at: Date;
}

export interface VariantTable {
  program_id: Int8;
  variant_id: string;
  product_id: string | null;
  collection_ids: Json<string[]>;
  price: Int8;
  currency: string;
  updated_at: Date;
}

export interface ApiKeyTable {
  id: Id;
  program_id: Int8;
  name: string;
  prefix: string;
  hash: string;
  created_at: Date;
  revoked_at: Date | null;
}

export interface PerkCodeTable {
  id: Id;
  program_id: Int8;
  partner_key: string;
  code: string;
  imported_at: Date;
  /** Null while free, and again once the claiming member was erased (the claim still counts). */
  member_id: Int8 | null;
  claim_key: string | null;
  claimed_at: Date | null;
}

export type RedemptionStatus = "reserved" | "confirmed" | "cancelled";

export interface RedemptionTable {
  id: Id;
  program_id: Int8;
  member_id: Int8;
  key: string;
  reward_id: string;
  points: Int8;
  status: RedemptionStatus;
  code: string | null;
  platform_ref: string | null;
  error: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface GuestPlanTable {
  program_id: Int8;
  order_id: string;
  email: string;
  plan: string;
  occurred_at: Date;
  line_ids: Json<string[]>;
  member_id: Int8 | null;
  claimed_at: Date | null;
}

export interface SaleTable {
  program_id: Int8;
  order_id: string;
  member_id: Int8 | null;
  by_member: boolean;
  subtotal: Int8;
  occurred_at: Date;
  member_saving: Generated<Int8>;
  shipping_discount: Generated<Int8>;
}

export interface MemberInsightTable {
  member_id: Int8;
  program_id: Int8;
  recency: number | null;
  frequency: number | null;
  monetary: number | null;
  segment: string;
  orders: number;
  lifetime_value: Int8;
  first_order_at: Date | null;
  last_order_at: Date | null;
  computed_at: Date;
  changed_at: Date;
}

/** What Kinship last pushed to a platform for a member (0020). */
export interface SegmentPushTable {
  member_id: Int8;
  platform: "shopify" | "medusa";
  program_id: Int8;
  labels: string[];
  segment: string | null;
  version: Int8;
  pushed_at: Date;
}

export interface InsightRunTable {
  program_id: Int8;
  computed_at: Date;
}

export interface MigrationTable {
  id: string;
  applied_at: Date;
}

export interface Database {
  kinship_program: ProgramTable;
  kinship_program_config: ProgramConfigTable;
  kinship_audit: AuditTable;
  kinship_member: MemberTable;
  kinship_lot: LotTable;
  kinship_entry: EntryTable;
  kinship_consumption: ConsumptionTable;
  kinship_growth: GrowthTable;
  kinship_order: OrderTable;
  kinship_tier_change: TierChangeTable;
  kinship_cap_usage: CapUsageTable;
  kinship_member_campaign: MemberCampaignTable;
  kinship_event: EventTable;
  kinship_held_event: HeldEventTable;
  kinship_outbox: OutboxTable;
  kinship_shop: ShopTable;
  kinship_inbox: InboxTable;
  kinship_data_export: DataExportTable;
  kinship_variant: VariantTable;
  kinship_api_key: ApiKeyTable;
  kinship_redemption: RedemptionTable;
  kinship_perk_code: PerkCodeTable;
  kinship_migrations: MigrationTable;
  kinship_guest_plan: GuestPlanTable;
  kinship_sale: SaleTable;
  kinship_member_insight: MemberInsightTable;
  kinship_segment_push: SegmentPushTable;
  kinship_insight_run: InsightRunTable;
}

export function num(v: string | number | bigint | null | undefined): number {
  if (v === null || v === undefined) return 0;
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`integer out of range: ${v}`);
  return n;
}
