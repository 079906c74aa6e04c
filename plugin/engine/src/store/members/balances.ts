import { type EngineError, ok, type Result } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import { findProgram } from "../programs/programs.ts";

/** What a platform shows of a member: the tier they hold and their points. */
export interface MemberBalance {
  customerId: string;
  tierKey: string;
  available: number;
  pending: number;
}

/**
 * The tier and points of many members of a program in one read (a sync back to the platform).
 * Customers without a member row (never joined, or erased) are simply absent.
 */
export async function memberBalances(
  db: Db,
  programKey: string,
  customerIds: readonly string[],
): Promise<Result<MemberBalance[], EngineError>> {
  const program = await findProgram(db, programKey);
  if (!program.ok) return program;
  if (customerIds.length === 0) return ok([]);
  const rows = await db
    .selectFrom("kinship_member")
    .select(["customer_id", "tier_key", "available", "pending"])
    .where("program_id", "=", program.value.id)
    .where("customer_id", "in", [...new Set(customerIds)])
    .execute();
  return ok(rows.map((r) => ({ customerId: r.customer_id, tierKey: r.tier_key, available: num(r.available), pending: num(r.pending) })));
}
