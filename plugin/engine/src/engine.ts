import { sql } from "kysely";
import type { EngineError, Result } from "./core/index.ts";
import { type CatalogPort, catalogPort } from "./store/catalog/port.ts";
import { type Connection, type ConnectOptions, connect, type Db } from "./store/db/connect.ts";
import { takeHostLock } from "./store/db/host-lock.ts";
import { migrate, pendingMigrations } from "./store/db/migrate.ts";
import { type EventsPort, eventsPort } from "./store/events/port.ts";
import { type FinancePort, financePort } from "./store/finance/port.ts";
import { type ImportsPort, importsPort } from "./store/imports/port.ts";
import { type InsightPort, insightPort } from "./store/insight/port.ts";
import { type DeliveriesPort, deliveriesPort, type InboxPort, inboxPort } from "./store/intake/port.ts";
import type { Maintenance } from "./store/jobs/maintain.ts";
import { type JobsPort, jobsPort } from "./store/jobs/port.ts";
import { type Applied, type ApplyOptions, applyInput } from "./store/ledger/apply.ts";
import { type Drained, type DrainOptions, drainOutbox, type OutboxMessageRow } from "./store/ledger/outbox.ts";
import {
  type ClaimOptions,
  claimOutbox,
  type OutboxClaim,
  type OutboxOutcome,
  type OutboxSettled,
  settleOutbox,
} from "./store/ledger/outbox-lease.ts";
import { type Drift, verifyLedger } from "./store/ledger/verify.ts";
import type { MemberView } from "./store/members/members.ts";
import { type CompliancePort, compliancePort, type MembersPort, membersPort } from "./store/members/port.ts";
import { type MembershipPort, membershipPort } from "./store/membership/port.ts";
import { type PartnersPort, partnersPort } from "./store/partners/port.ts";
import {
  type ApiKeysPort,
  type AuditPort,
  apiKeysPort,
  auditPort,
  type ProgramsPort,
  programsPort,
  type ShopsPort,
  sealingOnce,
  shopsPort,
} from "./store/programs/port.ts";
import type { CreateProgramInput, Program } from "./store/programs/programs.ts";
import { type TokenCipher, tokenCipher } from "./store/programs/token-cipher.ts";
import { type RedemptionsPort, redemptionsPort } from "./store/redemptions/port.ts";
import { type ReferralsPort, referralsPort } from "./store/referrals/port.ts";
import { type SegmentsPort, segmentsPort } from "./store/segments/port.ts";

/**
 * The engine on its store: the one door every face (CLI, server, worker, Medusa plugin, admin)
 * goes through. Time is always passed in. Each context of the store is a port of its own.
 */
export interface Engine {
  /** Applies one event or command (validated here: it comes from outside). */
  apply(program: string, input: unknown, now: Date, options?: ApplyOptions): Promise<Result<Applied, EngineError>>;
  createProgram(input: CreateProgramInput): Promise<Result<Program, EngineError>>;
  program(key: string): Promise<Result<Program, EngineError>>;
  /** With `expectedVersion`, a program at another version is refused (ConfigConflict) and nothing is saved. */
  updateConfig(key: string, config: unknown, actor: string, now: Date, expectedVersion?: number): Promise<Result<Program, EngineError>>;
  member(program: string, customerId: string, now: Date): Promise<Result<MemberView, EngineError>>;
  maintain(program: string, now: Date): Promise<Maintenance>;
  programs: ProgramsPort;
  shops: ShopsPort;
  apiKeys: ApiKeysPort;
  audit: AuditPort;
  members: MembersPort;
  compliance: CompliancePort;
  catalog: CatalogPort;
  partners: PartnersPort;
  redemptions: RedemptionsPort;
  /** Paid membership: a member's value realised, every plan's members. */
  membership: MembershipPort;
  /** Referral codes, capture's results, the owner's review, payouts and welcome codes. */
  referrals: ReferralsPort;
  /** The admin's figures: the dashboard, the tier preview, and RFM scores and segments with their views. */
  insight: InsightPort;
  /** Points as money: the roll-forward reconciled to the ledger, liability less breakage, benefit costs. */
  finance: FinancePort;
  /** Segments pushed back to the platform: changes since the last push, and recording one. */
  segments: SegmentsPort;
  /** Moving in from another loyalty app: dry run, then one ledger entry per member. */
  imports: ImportsPort;
  /** The durable inbox of deliveries (webhooks, custom events, host events). */
  inbox: InboxPort;
  /** Carries stored deliveries out: mapped by the caller's mapper, applied, settled. */
  deliveries: DeliveriesPort;
  jobs: JobsPort;
  outbox: OutboxPort;
  /**
   * Events out: webhook endpoints, and the deliveries of every event topic to each sink (webhooks,
   * Shopify Flow, Medusa's event bus) — claimed, called outside any transaction, settled.
   */
  events: EventsPort;
  /** What a host that owns the database (Medusa) needs beyond the ledger. */
  host: HostPort;
  /** Rebuilds every member's balances from the ledger and reports any drift (0 is the only answer). */
  verify(program?: string): Promise<Drift[]>;
  /** Whether the database answers (readiness checks). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OutboxPort {
  /** Delivers the program's waiting messages; `deliver` runs in the transaction that marks them delivered, with the engine on it. */
  drain(
    program: string,
    now: Date,
    deliver: (message: OutboxMessageRow, tx: Engine) => Promise<void>,
    options?: DrainOptions,
  ): Promise<Result<Drained, EngineError>>;
  /**
   * Leases the program's due messages to a consumer that calls its platform outside any
   * transaction: claim (committed at once), call, then `settle` the outcome.
   */
  claim(program: string, now: Date, options?: ClaimOptions): Promise<Result<OutboxClaim[], EngineError>>;
  /** Records what became of claimed messages; rows whose lease went to another claimer are left alone. */
  settle(program: string, now: Date, outcome: OutboxOutcome): Promise<Result<OutboxSettled, EngineError>>;
}

export interface HostPort {
  /** Runs `work` in one transaction holding the host lock `key` (no two processes create the same tier group or price list). */
  withLock<T>(key: string, work: (tx: Engine) => Promise<T>): Promise<T>;
  /** Takes the host lock `key` in the transaction this engine runs in (a `tx` of withLock or drain), held until it ends. */
  lock(key: string): Promise<void>;
  /** Applies the engine's migrations; answers the ids applied now. */
  migrate(): Promise<string[]>;
  /** Migrations not applied yet (a host whose own runner applies them checks this at boot). */
  pendingMigrations(): Promise<string[]>;
}

export interface EngineOptions {
  /**
   * The key shop tokens are sealed with (AES-256-GCM): 32 bytes as 64 hex characters or base64
   * (KINSHIP_TOKEN_KEY). Without it the engine runs but refuses to store or read a shop token.
   * An invalid key throws a clear error at open.
   */
  tokenKey?: string | undefined;
}

/** Opens the engine on its own connection (a PGlite directory or `databaseUrl`), migrated unless told not to. */
export async function openEngine(options: ConnectOptions & EngineOptions & { migrate?: boolean } = {}): Promise<Engine> {
  const cipher = cipherOf(options);
  const connection = await connect(options);
  try {
    if (options.migrate !== false) await migrate(connection.db);
    const sealed = sealingOnce(connection.db, cipher);
    // Plain-text tokens left from before 0008 are sealed now (once migrated), else on first use.
    if (options.migrate !== false) await sealed();
    return engineAt(connection.db, () => connection.close(), cipher, sealed);
  } catch (e) {
    await connection.close();
    throw e;
  }
}

/** The engine on a connection its host made (`connect({ pool })` on the host's pool): the host owns the database. */
export function engineOn(connection: Connection, options: EngineOptions = {}): Engine {
  const cipher = cipherOf(options);
  return engineAt(connection.db, () => connection.close(), cipher, sealingOnce(connection.db, cipher));
}

function cipherOf(options: EngineOptions): TokenCipher | null {
  return options.tokenKey === undefined || options.tokenKey === "" ? null : tokenCipher(options.tokenKey);
}

function engineAt(db: Db, close: () => Promise<void>, cipher: TokenCipher | null, sealed: () => Promise<void>): Engine {
  const inTransaction = (trx: Db) => engineAt(trx, async () => {}, cipher, sealed);
  const programs = programsPort(db);
  const members = membersPort(db);
  const jobs = jobsPort(db);
  return {
    apply: (program, input, now, options) => applyInput(db, program, input, now, options),
    createProgram: programs.create,
    program: programs.find,
    updateConfig: programs.updateConfig,
    member: members.get,
    maintain: jobs.maintain,
    programs,
    shops: shopsPort(db, cipher, sealed),
    apiKeys: apiKeysPort(db),
    audit: auditPort(db),
    members,
    compliance: compliancePort(db),
    catalog: catalogPort(db),
    partners: partnersPort(db),
    redemptions: redemptionsPort(db),
    membership: membershipPort(db),
    referrals: referralsPort(db),
    insight: insightPort(db),
    finance: financePort(db),
    segments: segmentsPort(db),
    imports: importsPort(db),
    inbox: inboxPort(db),
    deliveries: deliveriesPort(db),
    jobs,
    events: eventsPort(db, cipher),
    outbox: {
      drain: (program, now, deliver, options) => drainOutbox(db, program, now, (m, trx) => deliver(m, inTransaction(trx)), options),
      claim: (program, now, options) => claimOutbox(db, program, now, options),
      settle: (program, now, outcome) => settleOutbox(db, program, now, outcome),
    },
    host: {
      withLock: (key, work) =>
        db.transaction().execute(async (trx) => {
          await takeHostLock(trx, key);
          return work(inTransaction(trx));
        }),
      lock: (key) => takeHostLock(db, key),
      migrate: () => migrate(db),
      pendingMigrations: () => pendingMigrations(db),
    },
    verify: (program) => verifyLedger(db, program),
    ping: () =>
      sql`SELECT 1`
        .execute(db)
        .then(() => true)
        .catch(() => false),
    close,
  };
}
