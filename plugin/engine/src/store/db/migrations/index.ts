import { sql as ledger } from "./0001_ledger.ts";
import { sql as intake } from "./0002_intake.ts";
import { sql as api } from "./0003_api.ts";
import { sql as giveBack } from "./0004_give_back.ts";
import { sql as lotMember } from "./0005_lot_member_index.ts";
import { sql as leanLedger } from "./0006_lean_ledger.ts";
import { sql as partners } from "./0007_partners.ts";
import { sql as shopTokens } from "./0008_shop_tokens.ts";
import { sql as eventCurrency } from "./0009_event_currency.ts";
import { sql as outboxLease } from "./0010_outbox_lease.ts";
import { sql as shopScopes } from "./0011_shop_scopes.ts";
import { sql as shopDiscount } from "./0012_shop_discount.ts";
import { sql as memberSearch } from "./0013_member_search.ts";
import { sql as insight } from "./0014_insight.ts";
import { sql as membership } from "./0015_membership.ts";
import { sql as referrals } from "./0016_referrals.ts";
import { sql as campaigns } from "./0017_campaigns.ts";
import { sql as eventsOut } from "./0018_events_out.ts";
import { sql as memberInsight } from "./0019_insight.ts";
import { sql as segmentSync } from "./0020_segment_sync.ts";
import { sql as imports } from "./0021_imports.ts";
import { sql as finance } from "./0022_finance.ts";
import { sql as webhookKeys } from "./0023_webhook_keys.ts";

export interface Migration {
  id: string;
  sql: string;
}

/** Ordered; never edit a released one, add the next. Hosts (e.g. Medusa) may apply these themselves. */
export const migrations: readonly Migration[] = [
  { id: "0001_ledger", sql: ledger },
  { id: "0002_intake", sql: intake },
  { id: "0003_api", sql: api },
  { id: "0004_give_back", sql: giveBack },
  { id: "0005_lot_member_index", sql: lotMember },
  { id: "0006_lean_ledger", sql: leanLedger },
  { id: "0007_partners", sql: partners },
  { id: "0008_shop_tokens", sql: shopTokens },
  { id: "0009_event_currency", sql: eventCurrency },
  { id: "0010_outbox_lease", sql: outboxLease },
  { id: "0011_shop_scopes", sql: shopScopes },
  { id: "0012_shop_discount", sql: shopDiscount },
  { id: "0013_member_search", sql: memberSearch },
  { id: "0014_insight", sql: insight },
  { id: "0015_membership", sql: membership },
  { id: "0016_referrals", sql: referrals },
  { id: "0017_campaigns", sql: campaigns },
  { id: "0018_events_out", sql: eventsOut },
  { id: "0019_insight", sql: memberInsight },
  { id: "0020_segment_sync", sql: segmentSync },
  { id: "0021_imports", sql: imports },
  { id: "0022_finance", sql: finance },
  { id: "0023_webhook_keys", sql: webhookKeys },
];
