import type { Selectable } from "kysely";
import type { SpendRecord } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { type LotTable, num } from "../db/schema.ts";

export interface LoadedSpends {
  spends: Record<string, SpendRecord>;
  /** The lots those spends drew from that are not among `loaded` (typically consumed ones). */
  lots: Selectable<LotTable>[];
}

/** The named spends of one member (entry `spend:<key>`), their consumption rows and whether they were cancelled. */
export async function loadSpends(trx: Db, memberId: number, spendKeys: string[], loaded: Map<string, number>): Promise<LoadedSpends> {
  if (spendKeys.length === 0) return { spends: {}, lots: [] };
  const entries = await trx
    .selectFrom("kinship_entry")
    .select(["id", "key", "kind", "available_delta"])
    .where("member_id", "=", memberId)
    .where(
      "key",
      "in",
      spendKeys.flatMap((k) => [`spend:${k}`, `unspend:${k}`]),
    )
    .execute();
  const spendEntries = entries.filter((e) => e.kind === "spend");
  if (spendEntries.length === 0) return { spends: {}, lots: [] };
  const rows = await trx
    .selectFrom("kinship_consumption")
    .innerJoin("kinship_lot", "kinship_lot.id", "kinship_consumption.lot_id")
    .select(["kinship_consumption.entry_id", "kinship_consumption.points", "kinship_lot.id as lot_id", "kinship_lot.key as lot_key"])
    .where(
      "kinship_consumption.entry_id",
      "in",
      spendEntries.map((e) => num(e.id)),
    )
    .orderBy("kinship_lot.key")
    .execute();
  const cancelled = new Set(entries.filter((e) => e.kind === "unspend").map((e) => e.key.slice("unspend:".length)));
  const spends: Record<string, SpendRecord> = {};
  for (const e of spendEntries) {
    const spendKey = e.key.slice("spend:".length);
    spends[spendKey] = {
      points: -num(e.available_delta),
      consumptions: rows.filter((r) => num(r.entry_id) === num(e.id)).map((r) => ({ lotKey: r.lot_key, points: num(r.points) })),
      cancelled: cancelled.has(spendKey),
    };
  }
  const missing = [...new Set(rows.filter((r) => !loaded.has(r.lot_key)).map((r) => num(r.lot_id)))];
  const lots = missing.length ? await trx.selectFrom("kinship_lot").selectAll().where("id", "in", missing).execute() : [];
  return { spends, lots };
}
