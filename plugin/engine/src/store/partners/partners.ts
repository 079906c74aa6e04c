import { sql } from "kysely";
import {
  cleanPerkCodes,
  type EngineError,
  EngineFailure,
  err,
  ok,
  type Partner,
  type PerkStanding,
  perkStanding,
  type Result,
} from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import { isUniqueViolation } from "../ledger/apply.ts";
import { lockedMember } from "../ledger/load-state.ts";
import { findProgram, type Program } from "../programs/programs.ts";

/** The most codes one API import takes (the CLI takes a whole file, up to a million). */
export const MAX_PERK_CODES_PER_IMPORT = 10_000;

export interface PerkClaim {
  partner: string;
  code: string;
  claimedAt: Date;
}

export interface PartnerPerk {
  partner: Partner;
  standing: PerkStanding;
  /** This member's claims of the partner's perk, newest first. */
  claims: PerkClaim[];
  /** Codes still free in the pool. */
  codesLeft: number;
}

export interface PartnerSettlement {
  partner: string;
  name: string;
  /** Codes claimed in [from, to). */
  claimed: number;
  settlementPrice: number;
  /** claimed × settlementPrice, minor units of the program's currency. */
  amountDue: number;
  currency: string;
  codesImported: number;
  codesLeft: number;
}

/** Adds codes to a partner's pool, audited; a code already in the pool is counted, not added again. */
export async function importPerkCodes(
  db: Db,
  input: { program: string; partner: string; codes: readonly string[]; actor: string; now: Date; maxCodes?: number },
): Promise<Result<{ added: number; alreadyThere: number }, EngineError>> {
  const max = input.maxCodes ?? MAX_PERK_CODES_PER_IMPORT;
  const found = await findProgram(db, input.program);
  if (!found.ok) return found;
  const program = found.value;
  const partner = partnerOf(program, input.partner);
  if (!partner.ok) return partner;
  const { codes, issues } = cleanPerkCodes(input.codes);
  if (codes.length > max) issues.push(`at most ${max.toLocaleString("en")} codes per import, got ${codes.length.toLocaleString("en")}`);
  if (codes.length === 0 && issues.length === 0) issues.push("no codes given");
  if (issues.length > 0) return err({ code: "InvalidPerkCodes", message: `perk codes rejected: ${issues.join("; ")}`, issues });
  const added = await db.transaction().execute(async (trx) => {
    let count = 0;
    for (let i = 0; i < codes.length; i += 1000) {
      const rows = codes.slice(i, i + 1000).map((code) => ({
        program_id: program.id,
        partner_key: partner.value.key,
        code,
        imported_at: input.now,
      }));
      const inserted = await trx
        .insertInto("kinship_perk_code")
        .values(rows)
        .onConflict((oc) => oc.columns(["program_id", "partner_key", "code"]).doNothing())
        .returning("id")
        .execute();
      count += inserted.length;
    }
    await trx
      .insertInto("kinship_audit")
      .values({
        program_id: program.id,
        actor: input.actor,
        action: "partner.codes.import",
        subject: partner.value.key,
        before: null,
        after: JSON.stringify({ added: count, alreadyThere: codes.length - count }),
        at: input.now,
      })
      .execute();
    return count;
  });
  return ok({ added, alreadyThere: codes.length - added });
}

/**
 * Gives the member one free code of the partner's pool, under the member's lock (so the claim
 * limit holds against concurrent claims). `key` names the attempt: claiming again with the same
 * key answers the code it already gave.
 */
export async function claimPerk(
  db: Db,
  input: { program: string; customerId: string; partner: string; key: string; now: Date },
): Promise<Result<PerkClaim, EngineError>> {
  const found = await findProgram(db, input.program);
  if (!found.ok) return found;
  const program = found.value;
  const partner = partnerOf(program, input.partner);
  if (!partner.ok) return partner;
  const p = partner.value;
  try {
    return await db.transaction().execute(async (trx) => {
      const member = await lockedMember(trx, program.id, input.customerId);
      if (!member) return err({ code: "UnknownMember", message: `no member ${input.customerId}`, customerId: input.customerId });
      const memberId = num(member.id);
      const claimed = await trx
        .selectFrom("kinship_perk_code")
        .select(["code", "claim_key", "claimed_at"])
        .where("member_id", "=", memberId)
        .where("partner_key", "=", p.key)
        .where("claimed_at", "is not", null)
        .execute();
      const again = claimed.find((c) => c.claim_key === input.key);
      if (again) return ok({ partner: p.key, code: again.code, claimedAt: again.claimed_at as Date });
      const standing = perkStanding(
        program.config,
        p,
        member.tier_key,
        claimed.map((c) => c.claimed_at as Date),
        input.now,
      );
      if (!standing.claimable) return err(refusal(p, standing.reason, member.tier_key));
      const taken = await sql<{ code: string }>`
        UPDATE kinship_perk_code SET member_id = ${memberId}, claim_key = ${input.key}, claimed_at = ${input.now}
        WHERE id = (
          SELECT id FROM kinship_perk_code
          WHERE program_id = ${program.id} AND partner_key = ${p.key} AND claimed_at IS NULL
          ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
        )
        RETURNING code`.execute(trx);
      const code = taken.rows[0]?.code;
      if (code === undefined) return err({ code: "PerksSoldOut", message: `${p.name} has no codes left`, partner: p.key });
      return ok({ partner: p.key, code, claimedAt: input.now });
    });
  } catch (e) {
    if (e instanceof EngineFailure) return err(e.error);
    // The key already names a claim of another partner (or, unscoped, another member's): a claim
    // under it is refused rather than passed off as that one.
    if (isUniqueViolation(e))
      return err({
        code: "IdempotencyKeyReused",
        message: `idempotency key ${input.key} was already used for another claim`,
        key: input.key,
      });
    throw e;
  }
}

/** The program's partners as one member sees them; disabled partners are left out. */
export async function memberPerks(db: Db, program: Program, customerId: string, tierKey: string, now: Date): Promise<PartnerPerk[]> {
  const partners = program.config.partners.filter((p) => p.enabled);
  if (partners.length === 0) return [];
  const [claims, left] = await Promise.all([
    db
      .selectFrom("kinship_perk_code")
      .innerJoin("kinship_member", "kinship_member.id", "kinship_perk_code.member_id")
      .select(["kinship_perk_code.partner_key", "kinship_perk_code.code", "kinship_perk_code.claimed_at"])
      .where("kinship_member.program_id", "=", program.id)
      .where("kinship_member.customer_id", "=", customerId)
      .orderBy("kinship_perk_code.claimed_at", "desc")
      .execute(),
    codesLeft(db, program.id),
  ]);
  return partners.map((partner) => {
    const mine = claims
      .filter((c) => c.partner_key === partner.key)
      .map((c) => ({ partner: partner.key, code: c.code, claimedAt: c.claimed_at as Date }));
    return {
      partner,
      standing: perkStanding(
        program.config,
        partner,
        tierKey,
        mine.map((c) => c.claimedAt),
        now,
      ),
      claims: mine,
      codesLeft: left.get(partner.key)?.left ?? 0,
    };
  });
}

/** What the merchant owes each partner for the codes claimed in [from, to), with the pools' stock. */
export async function partnerSettlement(
  db: Db,
  input: { program: string; from: Date; to: Date },
): Promise<Result<PartnerSettlement[], EngineError>> {
  const found = await findProgram(db, input.program);
  if (!found.ok) return found;
  const program = found.value;
  const [stock, claimedRows] = await Promise.all([
    codesLeft(db, program.id),
    db
      .selectFrom("kinship_perk_code")
      .select(["partner_key", (eb) => eb.fn.countAll<string>().as("claimed")])
      .where("program_id", "=", program.id)
      .where("claimed_at", ">=", input.from)
      .where("claimed_at", "<", input.to)
      .groupBy("partner_key")
      .execute(),
  ]);
  const claimed = new Map(claimedRows.map((r) => [r.partner_key, num(r.claimed)]));
  const configured = new Map(program.config.partners.map((p) => [p.key, p]));
  // Partners removed from the config still appear while their pool or claims do.
  const keys = [...new Set([...configured.keys(), ...stock.keys(), ...claimed.keys()])];
  return ok(
    keys.map((key) => {
      const partner = configured.get(key);
      const count = claimed.get(key) ?? 0;
      const price = partner?.settlementPrice ?? 0;
      return {
        partner: key,
        name: partner?.name ?? key,
        claimed: count,
        settlementPrice: price,
        amountDue: count * price,
        currency: program.config.currency,
        codesImported: stock.get(key)?.imported ?? 0,
        codesLeft: stock.get(key)?.left ?? 0,
      };
    }),
  );
}

async function codesLeft(db: Db, programId: number): Promise<Map<string, { imported: number; left: number }>> {
  const rows = await db
    .selectFrom("kinship_perk_code")
    .select([
      "partner_key",
      (eb) => eb.fn.countAll<string>().as("imported"),
      sql<string>`count(*) FILTER (WHERE claimed_at IS NULL)`.as("left"),
    ])
    .where("program_id", "=", programId)
    .groupBy("partner_key")
    .execute();
  return new Map(rows.map((r) => [r.partner_key, { imported: num(r.imported), left: num(r.left) }]));
}

function partnerOf(program: Program, key: string): Result<Partner, EngineError> {
  const partner = program.config.partners.find((p) => p.key === key);
  return partner ? ok(partner) : err({ code: "UnknownPartner", message: `no partner ${key} in ${program.key}`, partner: key });
}

function refusal(p: Partner, reason: "disabled" | "tier" | "limit", tierKey: string): EngineError {
  switch (reason) {
    case "disabled":
      return { code: "PerkNotAvailable", message: `${p.name}'s perk is switched off`, partner: p.key };
    case "tier":
      return { code: "PerkNotAvailable", message: `${p.name}'s perk needs tier ${p.minTier}; the member is ${tierKey}`, partner: p.key };
    case "limit":
      return {
        code: "ClaimLimitReached",
        message: `${p.name}'s perk can be claimed ${p.claimLimit.count} time(s) per ${p.claimLimit.period}`,
        partner: p.key,
        limit: p.claimLimit.count,
      };
  }
}
