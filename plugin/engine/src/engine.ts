import { sql } from "kysely";
import type { EngineError, Result } from "./core/index.ts";
import { type Connection, type ConnectOptions, connect } from "./store/db/connect.ts";
import { migrate } from "./store/db/migrate.ts";
import { type Maintenance, maintain } from "./store/jobs/maintain.ts";
import { type Applied, type ApplyOptions, applyGroup, applyInput, type GroupInput, type GroupOptions } from "./store/ledger/apply.ts";
import { type Drift, verifyLedger } from "./store/ledger/verify.ts";
import { getMember, type LedgerLine, listMembers, type MemberView, memberLedger } from "./store/members/members.ts";
import { type CreateProgramInput, createProgram, findProgram, type Program, updateProgramConfig } from "./store/programs/programs.ts";

/** The engine on its store: what the faces (CLI, server, Medusa plugin) call. Time is always passed in. */
export interface Engine {
  connection: Connection;
  apply(program: string, input: unknown, now: Date, options?: ApplyOptions): Promise<Result<Applied, EngineError>>;
  /** Several inputs in one transaction; `failed` (nothing written) when they cannot go through as one: apply them one by one. */
  applyGroup(
    items: GroupInput[],
    now: Date,
    options?: GroupOptions,
  ): Promise<{ results: Result<Applied, EngineError>[] } | { failed: string }>;
  createProgram(input: CreateProgramInput): Promise<Result<Program, EngineError>>;
  program(key: string): Promise<Result<Program, EngineError>>;
  updateConfig(key: string, config: unknown, actor: string, now: Date): Promise<Result<Program, EngineError>>;
  member(program: string, customerId: string, now: Date): Promise<Result<MemberView, EngineError>>;
  members(program: string, now: Date): AsyncGenerator<MemberView>;
  ledger(program: string, customerId: string, limit?: number): Promise<Result<LedgerLine[], EngineError>>;
  maintain(program: string, now: Date): Promise<Maintenance>;
  verify(program?: string): Promise<Drift[]>;
  /** Whether the database answers (readiness checks). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export async function openEngine(options: ConnectOptions & { migrate?: boolean } = {}): Promise<Engine> {
  const connection = await connect(options);
  if (options.migrate !== false) await migrate(connection.db);
  return engineOn(connection);
}

export function engineOn(connection: Connection): Engine {
  const { db } = connection;
  return {
    connection,
    apply: (program, input, now, options) => applyInput(db, program, input, now, options),
    applyGroup: (items, now, options) => applyGroup(db, items, now, options),
    createProgram: (input) => createProgram(db, input),
    program: (key) => findProgram(db, key),
    updateConfig: (key, config, actor, now) => updateProgramConfig(db, key, config, actor, now),
    member: (program, customerId, now) => getMember(db, program, customerId, now),
    members: (program, now) => listMembers(db, program, now),
    ledger: (program, customerId, limit) => memberLedger(db, program, customerId, limit),
    maintain: (program, now) => maintain(db, program, now),
    verify: (program) => verifyLedger(db, program),
    ping: () =>
      sql`SELECT 1`
        .execute(db)
        .then(() => true)
        .catch(() => false),
    close: () => connection.close(),
  };
}
