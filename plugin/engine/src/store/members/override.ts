import { sql } from "kysely";
import {
  type EngineError,
  err,
  movesTier,
  ok,
  overrideTier,
  type Result,
  type TierChange,
  type TierOverride,
  windowStart,
} from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { toMember } from "../db/rows.ts";
import { num } from "../db/schema.ts";
import { isUniqueViolation } from "../ledger/apply.ts";
import { lockedMember } from "../ledger/load-state.ts";
import { findProgram } from "../programs/programs.ts";
import { windowGrowthOf } from "./members.ts";

export const OVERRIDE_ACTION = "member.override";

export interface OverrideInput {
  program: string;
  customerId: string;
  /** Null clears the override. */
  tierKey: string | null;
  until: Date | null;
  reason: string;
  actor: string;
  /** The request's idempotency key: the same key again changes nothing. */
  key: string;
}

/** What the audit row keeps of a request, to tell a retry (same request) from a key reused for another. */
interface OverrideRequestRecord {
  customerId: string;
  tier: string | null;
  until: string | null;
  reason: string;
}

export interface OverrideApplied {
  /** False when this key was applied before (nothing changed now). */
  applied: boolean;
  changes: TierChange[];
}

/**
 * Sets or clears a member's tier override under the member's lock (the lock every ledger writer
 * takes, so an earn cannot write a tier read before it): the member row, its tier changes, the
 * `tier.changed` message platforms sync, and the audit row carrying the request's key, all in one
 * transaction. A key seen before answers as the first time if the request is the same, else
 * IdempotencyKeyReused.
 */
export async function setOverride(db: Db, input: OverrideInput, now: Date): Promise<Result<OverrideApplied, EngineError>> {
  const found = await findProgram(db, input.program);
  if (!found.ok) return found;
  const { id: programId, config } = found.value;
  const request: OverrideRequestRecord = {
    customerId: input.customerId,
    tier: input.tierKey,
    until: input.until?.toISOString() ?? null,
    reason: input.reason.trim(),
  };
  const reused = err({
    code: "IdempotencyKeyReused",
    message: `idempotencyKey ${input.key} was already used for another override`,
    key: input.key,
  });
  return db
    .transaction()
    .execute(async (trx) => {
      await sql`SELECT 1 FROM kinship_program WHERE id = ${programId} FOR KEY SHARE`.execute(trx);
      const locked = await lockedMember(trx, programId, input.customerId);
      const earlier = await trx
        .selectFrom("kinship_audit")
        .select("after")
        .where("program_id", "=", programId)
        .where("action", "=", OVERRIDE_ACTION)
        .where("request_key", "=", input.key)
        .executeTakeFirst();
      if (earlier) {
        const first = (earlier.after as { request?: OverrideRequestRecord } | null)?.request;
        if (first && sameRequest(first, request)) return ok({ applied: false, changes: [] });
        return err({
          code: "IdempotencyKeyReused",
          message: `idempotencyKey ${input.key} was already used for another override`,
          key: input.key,
        });
      }
      if (!locked)
        return err({
          code: "UnknownMember",
          message: `${input.customerId} is not a member of ${input.program}`,
          customerId: input.customerId,
        });
      const row = await trx.selectFrom("kinship_member").selectAll().where("id", "=", locked.id).executeTakeFirstOrThrow();
      const member = toMember(row);
      const before = member.override;
      const start = windowStart(config.growth.window, now, config.timezone);
      const growth = start ? ((await windowGrowthOf(trx, [num(row.id)], start)).get(num(row.id)) ?? 0) : member.growth;
      const changes = overrideTier(member, { ...input, reason: request.reason }, growth, config, now, `override:${input.key}`);
      if (!changes.ok) return changes;
      const o = member.override;
      await trx
        .updateTable("kinship_member")
        .set({
          tier_key: member.tierKey,
          tier_since: member.tierSince,
          downgrade_due_at: member.downgradeDueAt,
          override_tier: o?.tierKey ?? null,
          override_until: o?.until ?? null,
          override_reason: o?.reason ?? null,
          override_actor: o?.actor ?? null,
          override_set_at: o?.setAt ?? null,
          updated_at: now,
        })
        .where("id", "=", row.id)
        .execute();
      for (const c of changes.value) {
        await trx
          .insertInto("kinship_tier_change")
          .values({
            program_id: programId,
            member_id: num(row.id),
            key: c.key,
            from_tier: c.from,
            to_tier: c.to,
            reason: c.reason,
            growth: c.growth,
            at: c.at,
          })
          .execute();
        if (movesTier(c))
          await trx
            .insertInto("kinship_outbox")
            .values({
              program_id: programId,
              key: `tier:${c.key}`,
              topic: "tier.changed",
              payload: JSON.stringify({ customerId: member.customerId, from: c.from, to: c.to, reason: c.reason, growth: c.growth }),
              created_at: now,
            })
            .execute();
      }
      await trx
        .insertInto("kinship_audit")
        .values({
          program_id: programId,
          actor: input.actor,
          action: OVERRIDE_ACTION,
          subject: input.customerId,
          before: before ? JSON.stringify(overrideRecord(before)) : null,
          after: JSON.stringify({ override: o && overrideRecord(o), tier: member.tierKey, request }),
          at: now,
          request_key: input.key,
        })
        .execute();
      return ok({ applied: true, changes: changes.value });
    })
    .catch((e: unknown) => {
      // The same key at once for two members: each holds only its own member's lock; the audit's unique key decides.
      if (isUniqueViolation(e)) return reused;
      throw e;
    });
}

/** jsonb keeps no key order: compared field by field. */
function sameRequest(a: OverrideRequestRecord, b: OverrideRequestRecord): boolean {
  return a.customerId === b.customerId && a.tier === b.tier && a.until === b.until && a.reason === b.reason;
}

function overrideRecord(o: TierOverride) {
  return { tier: o.tierKey, until: o.until?.toISOString() ?? null, reason: o.reason, actor: o.actor, setAt: o.setAt.toISOString() };
}
