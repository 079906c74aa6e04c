import type { Engine, Tier } from "@kinship/engine";
import type { MedusaContainer } from "@medusajs/framework/types";
import { createCustomerGroupsWorkflow } from "@medusajs/medusa/core-flows";
import { graph } from "../load/query";

/** What a Kinship group stands for, in its metadata: a tier (`kinship_tier`) or a pushed segment label (`kinship_label`). */
export type GroupKind = "kinship_tier" | "kinship_label";

/** Customer groups Kinship keeps of one kind, key → group id, recognised by their metadata (renaming them is fine). */
export async function kinshipGroups(container: MedusaContainer, program: string, kind: GroupKind): Promise<Map<string, string>> {
  const groups = await graph(container, "customer_group", ["id", "metadata"], {});
  const byKey = new Map<string, string>();
  for (const g of groups) {
    const m = (g.metadata ?? {}) as Record<string, unknown>;
    const key = m[kind];
    if (m.kinship_program === program && typeof key === "string") byKey.set(key, String(g.id));
  }
  return byKey;
}

export function tierGroups(container: MedusaContainer, program: string): Promise<Map<string, string>> {
  return kinshipGroups(container, program, "kinship_tier");
}

/**
 * The groups of `wanted`, creating the missing ones (named as given). Creating takes the host lock
 * `<kind>:<program>` on `tx` (held until its transaction ends) and looks again, so concurrent syncs
 * never create a group twice.
 */
export async function ensureKinshipGroups(
  container: MedusaContainer,
  program: string,
  kind: GroupKind,
  wanted: readonly { key: string; name: string }[],
  tx: Engine,
): Promise<Map<string, string>> {
  const seen = await kinshipGroups(container, program, kind);
  if (wanted.every((w) => seen.has(w.key))) return seen;
  await tx.host.lock(kind === "kinship_tier" ? `tier-groups:${program}` : `${kind}-groups:${program}`);
  const byKey = await kinshipGroups(container, program, kind);
  const missing = wanted.filter((w) => !byKey.has(w.key));
  if (missing.length > 0) {
    const { result } = await createCustomerGroupsWorkflow(container).run({
      input: { customersData: missing.map((w) => ({ name: w.name, metadata: { kinship_program: program, [kind]: w.key } })) },
    });
    for (const g of result) byKey.set(String((g.metadata as Record<string, unknown>)[kind]), g.id);
  }
  return byKey;
}

/** The tier groups, creating the missing ones (named "<Tier> tier"). */
export function ensureTierGroups(
  container: MedusaContainer,
  program: string,
  tiers: readonly Tier[],
  tx: Engine,
): Promise<Map<string, string>> {
  return ensureKinshipGroups(
    container,
    program,
    "kinship_tier",
    tiers.map((t) => ({ key: t.key, name: `${t.name} tier` })),
    tx,
  );
}
