import { customEventCredited } from "../campaigns/orders.ts";
import { type CustomCommerceEvent, eventKey } from "../events/schema.ts";
import type { Draft } from "../ledger/draft.ts";
import { ensureMember } from "../ledger/member.ts";
import { awardFixed } from "./fixed-award.ts";

export function customEvent(draft: Draft, e: CustomCommerceEvent): void {
  ensureMember(draft, e.customerId);
  awardFixed(draft, `custom:${e.name}`, eventKey(e), e.occurredAt, { name: e.name, ...e.payload });
  customEventCredited(draft, e.name, e.occurredAt);
}
