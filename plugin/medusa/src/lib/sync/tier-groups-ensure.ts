import type { Engine, Tier } from "@kinship/engine";
import type { MedusaContainer } from "@medusajs/framework/types";
import { createCustomerGroupsWorkflow } from "@medusajs/medusa/core-flows";
import { graph } from "../load/query";

/** Customer groups Kinship keeps: one per tier, recognised by their metadata (renaming them is fine). */
export async function tierGroups(container: MedusaContainer, program: string): Promise<Map<string, string>> {
  const groups = await graph(container, "customer_group", ["id", "metadata"], {});
  const byTier = new Map<string, string>();
  for (const g of groups) {
    const m = (g.metadata ?? {}) as Record<string, unknown>;
    if (m.kinship_program === program && typeof m.kinship_tier === "string") byTier.set(m.kinship_tier, String(g.id));
  }
  return byTier;
}

/**
 * The tier groups, creating the missing ones (named "<Tier> tier"). Creating takes the host lock
 * on `tx` (held until its transaction ends) and looks again, so concurrent syncs never create a group twice.
 */
export async function ensureTierGroups(
  container: MedusaContainer,
  program: string,
  tiers: readonly Tier[],
  tx: Engine,
): Promise<Map<string, string>> {
  const seen = await tierGroups(container, program);
  if (tiers.every((t) => seen.has(t.key))) return seen;
  await tx.host.lock(`tier-groups:${program}`);
  const byTier = await tierGroups(container, program);
  const missing = tiers.filter((t) => !byTier.has(t.key));
  if (missing.length > 0) {
    const { result } = await createCustomerGroupsWorkflow(container).run({
      input: {
        customersData: missing.map((t) => ({
          name: `${t.name} tier`,
          metadata: { kinship_program: program, kinship_tier: t.key },
        })),
      },
    });
    for (const g of result) byTier.set(String((g.metadata as Record<string, unknown>).kinship_tier), g.id);
  }
  return byTier;
}
