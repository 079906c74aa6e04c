import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";

type Row = Record<string, unknown>;

/** Medusa's Query, loosely typed: the mappers validate every record they read. */
export async function graph(container: Pick<MedusaContainer, "resolve">, entity: string, fields: string[], filters: Row): Promise<Row[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({ entity, fields, filters } as never);
  return data as Row[];
}

export async function one(container: Pick<MedusaContainer, "resolve">, entity: string, fields: string[], id: string): Promise<Row | null> {
  return (await graph(container, entity, fields, { id }))[0] ?? null;
}
