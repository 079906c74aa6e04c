import type { Engine, SegmentChange } from "@kinship/engine";
import type { MedusaContainer } from "@medusajs/framework/types";
import { linkCustomersToCustomerGroupWorkflow } from "@medusajs/medusa/core-flows";
import { kinshipOf } from "../kinship";
import { graph } from "../load/query";
import { ensureKinshipGroups, kinshipGroups } from "./tier-groups-ensure";

const BATCH = 250;

export interface SegmentGroupsResult {
  /** Customers whose groups now match their segment (and tier) labels. */
  pushed: number;
  /** Customers whose move failed: found again next run. */
  failed: number;
  /** Why (the first few). */
  errors: string[];
}

/**
 * Keeps the customer groups named after the pushed labels (`kinship-champions`, `kinship-tier-gold`):
 * the engine hands out the members whose labels differ from what was last pushed to Medusa
 * (keyset batches), the missing groups are created, each group's customers added and removed in
 * one workflow run per group, and what Medusa took is recorded. A customer is moved against the
 * groups they are in now, so a run repeated after a crash changes nothing twice; Kinship removes
 * customers only from groups it keeps (recognised by their metadata), never from the merchant's.
 */
export async function syncSegmentGroups(container: MedusaContainer, now: Date): Promise<SegmentGroupsResult> {
  const kinship = kinshipOf(container);
  const engine = await kinship.engine();
  const result: SegmentGroupsResult = { pushed: 0, failed: 0, errors: [] };
  let after: string | null = null;
  for (;;) {
    const read = await engine.segments.changes(kinship.program, "medusa", { limit: BATCH, after }, now);
    if (!read.ok) throw new Error(read.error.message);
    const { changes, next } = read.value;
    if (changes.length > 0) {
      const { failed, errors } = await moveCustomers(container, engine, kinship.program, changes);
      result.errors.push(...errors.slice(0, 5 - result.errors.length));
      const done = changes.filter((c) => !failed.has(c.customerId));
      const recorded = await engine.segments.pushed(
        kinship.program,
        "medusa",
        done.map((c) => ({ customerId: c.customerId, labels: c.labels, version: c.version })),
        now,
      );
      if (!recorded.ok) throw new Error(recorded.error.message);
      result.pushed += done.length;
      result.failed += failed.size;
    }
    if (next === null) return result;
    after = next;
  }
}

/** One workflow run per group touched; answers the customers whose group failed, and why. */
async function moveCustomers(
  container: MedusaContainer,
  engine: Engine,
  program: string,
  changes: readonly SegmentChange[],
): Promise<{ failed: Set<string>; errors: string[] }> {
  const wanted = [...new Set(changes.flatMap((c) => c.add))];
  let groups = await kinshipGroups(container, program, "kinship_label");
  if (wanted.some((l) => !groups.has(l)))
    groups = await engine.host.withLock(`kinship_label-groups:${program}`, (tx) =>
      ensureKinshipGroups(
        container,
        program,
        "kinship_label",
        wanted.map((l) => ({ key: l, name: l })),
        tx,
      ),
    );
  // Where each customer is now (a customer deleted in Medusa has nothing to move).
  const customers = await graph(container, "customer", ["id", "groups.id"], { id: changes.map((c) => c.customerId) });
  const inGroups = new Map(customers.map((c) => [String(c.id), new Set(((c.groups ?? []) as { id: string }[]).map((g) => g.id))]));
  const moves = new Map<string, { add: string[]; remove: string[] }>();
  const move = (group: string) => {
    const known = moves.get(group);
    if (known) return known;
    const fresh = { add: [] as string[], remove: [] as string[] };
    moves.set(group, fresh);
    return fresh;
  };
  for (const c of changes) {
    const has = inGroups.get(c.customerId);
    if (!has) continue;
    for (const label of c.labels) {
      const group = groups.get(label);
      if (group && !has.has(group)) move(group).add.push(c.customerId);
    }
    for (const label of c.remove) {
      const group = groups.get(label);
      if (group && has.has(group)) move(group).remove.push(c.customerId);
    }
  }
  const failed = new Set<string>();
  const errors: string[] = [];
  for (const [id, { add, remove }] of moves) {
    try {
      await linkCustomersToCustomerGroupWorkflow(container).run({ input: { id, add, remove } });
    } catch (e) {
      errors.push(`group ${id}: ${e instanceof Error ? e.message : String(e)}`);
      for (const c of [...add, ...remove]) failed.add(c);
    }
  }
  return { failed, errors };
}
