import type { Engine } from "@kinship/engine";
import type { MedusaContainer } from "@medusajs/framework/types";
import { linkCustomerGroupsToCustomerWorkflow } from "@medusajs/medusa/core-flows";
import { kinshipOf } from "../kinship";
import { one } from "../load/query";
import { ensureTierGroups } from "./tier-groups-ensure";

const TOPICS = ["member.created", "tier.changed"];
/** Balance messages, for platforms that show points themselves; Medusa reads them from Kinship, so they are delivered as they are. */
const NOTHING_TO_DO = ["points.changed", "points.expired"];
const NOTHING_TO_DO_BATCH = 1_000;

/**
 * Delivers the outbox's membership messages: each member concerned ends up in exactly the
 * customer group of their CURRENT tier (read from the ledger, not from the message), so
 * messages delivered twice or out of order still converge. Medusa's own pricing then gives
 * the member the tier's price list. Balance messages need nothing here and are settled after.
 */
export async function syncTierGroups(container: MedusaContainer, now: Date): Promise<{ delivered: number; failed: number }> {
  const kinship = kinshipOf(container);
  const engine = await kinship.engine();
  let groups: Map<string, string> | undefined;
  // Looked up once a message needs them: most events leave no membership message.
  const tierGroups = async (tx: Engine) => {
    if (groups) return groups;
    const program = await tx.program(kinship.program);
    if (!program.ok) throw new Error(program.error.message);
    groups = await ensureTierGroups(container, kinship.program, program.value.config.tiers, tx);
    return groups;
  };
  const drained = await engine.outbox.drain(
    kinship.program,
    now,
    async (message, tx) => {
      const customerId = String(message.payload.customerId);
      const member = await tx.member(kinship.program, customerId, now);
      if (!member.ok) throw new Error(member.error.message);
      await placeInTierGroup(container, customerId, member.value.tier.key, await tierGroups(tx));
    },
    { topics: TOPICS },
  );
  if (!drained.ok) throw new Error(drained.error.message);
  await settleNothingToDo(engine, kinship.program, now);
  return { delivered: drained.value.delivered, failed: drained.value.failed.length };
}

/** In their own short drains, so a ledger write re-arming a member's message never waits on a slow group move. */
async function settleNothingToDo(engine: Engine, program: string, now: Date): Promise<void> {
  for (;;) {
    const drained = await engine.outbox.drain(program, now, async () => {}, { topics: NOTHING_TO_DO, limit: NOTHING_TO_DO_BATCH });
    if (!drained.ok) throw new Error(drained.error.message);
    if (drained.value.delivered < NOTHING_TO_DO_BATCH) return;
  }
}

async function placeInTierGroup(container: MedusaContainer, customerId: string, tier: string, groups: Map<string, string>) {
  const customer = await one(container, "customer", ["id", "groups.id"], customerId);
  if (!customer) return; // deleted in Medusa: nothing to place
  const has = new Set(((customer.groups ?? []) as { id: string }[]).map((g) => g.id));
  const target = groups.get(tier);
  const add = target && !has.has(target) ? [target] : [];
  const remove = [...groups.values()].filter((id) => id !== target && has.has(id));
  if (add.length === 0 && remove.length === 0) return;
  await linkCustomerGroupsToCustomerWorkflow(container).run({ input: { id: customerId, add, remove } });
}
