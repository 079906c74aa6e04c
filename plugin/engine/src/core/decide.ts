import { setBirthday } from "./campaigns/birthday.ts";
import { clockCampaigns } from "./campaigns/clock.ts";
import type { ProgramConfig } from "./config/schema.ts";
import type { CommerceEvent } from "./events/schema.ts";
import { adjust } from "./handlers/adjust.ts";
import { cancelSpend } from "./handlers/cancel-spend.ts";
import type { Command } from "./handlers/commands.ts";
import { customEvent } from "./handlers/custom.ts";
import { customerChanged } from "./handlers/customer.ts";
import { orderPaid } from "./handlers/order-paid.ts";
import { orderCancelled, refundCreated } from "./handlers/reversal.ts";
import { spend } from "./handlers/spend.ts";
import { Draft } from "./ledger/draft.ts";
import { reviewTier } from "./ledger/growth.ts";
import { timePasses } from "./ledger/time-passes.ts";
import type { Decision, MemberState } from "./ledger/types.ts";
import { membershipPasses } from "./membership/purchase.ts";
import { type ReferralReward, referralReward } from "./referrals/reward.ts";
import { type EngineError, err, ok, type Result } from "./result.ts";

export type Input = CommerceEvent | Command | ReferralReward;

/**
 * The engine's one decision function: given a member's state, an event or command, the
 * program config and the current time, what must be written. No I/O, no clock.
 */
export function decide(state: MemberState, input: Input, config: ProgramConfig, now: Date): Result<Decision, EngineError> {
  const draft = new Draft(state, config, now);
  timePasses(draft);
  const result = apply(draft, input);
  if (!result.ok) return result;
  // Points the event itself earned may already be past their expiry. Time passes before held
  // refunds are applied, exactly as if they had arrived after their order, one by one.
  timePasses(draft);
  if (input.type === "order.paid" && draft.orders.has(input.orderId)) releaseHeld(draft, input.orderId);
  membershipPasses(draft);
  return ok(draft.finish());
}

function apply(draft: Draft, input: Input): Result<void, EngineError> {
  switch (input.type) {
    case "order.paid":
      orderPaid(draft, input);
      return ok(undefined);
    case "refund.created":
      refundCreated(draft, input);
      return ok(undefined);
    case "order.cancelled":
      orderCancelled(draft, input);
      return ok(undefined);
    case "customer.created":
    case "customer.updated":
      customerChanged(draft, input);
      return ok(undefined);
    case "custom":
      customEvent(draft, input);
      return ok(undefined);
    case "spend":
      return spend(draft, input);
    case "adjust":
      return adjust(draft, input);
    case "cancelSpend":
      return cancelSpend(draft, input);
    case "referralReward":
      return referralReward(draft, input);
    case "tick":
      if (!draft.member) return err({ code: "UnknownMember", message: `no member ${input.customerId}`, customerId: input.customerId });
      return ok(undefined);
    case "campaigns":
      if (!draft.member) return err({ code: "UnknownMember", message: `no member ${input.customerId}`, customerId: input.customerId });
      clockCampaigns(draft);
      return ok(undefined);
    case "setBirthday":
      return setBirthday(draft, input);
    case "evaluate":
      if (!draft.member) return err({ code: "UnknownMember", message: `no member ${input.customerId}`, customerId: input.customerId });
      reviewTier(draft, "full", `evaluate:${input.customerId}:${draft.now.toISOString()}`);
      return ok(undefined);
  }
}

/** Refunds and cancellations that arrived before their order, applied in a stable order. */
function releaseHeld(draft: Draft, orderId: string): void {
  const held = draft.state.held
    .filter((h) => h.orderId === orderId)
    .sort((a, b) => a.event.occurredAt.getTime() - b.event.occurredAt.getTime() || a.key.localeCompare(b.key));
  for (const h of held) {
    draft.decision.release.push(h.key);
    const r = apply(draft, h.event);
    if (!r.ok) throw new Error(`bug: held ${h.key} failed: ${r.error.message}`);
  }
}
