import { randomUUID } from "node:crypto";
import type { ExecutionResult, GraphQLSchema } from "graphql";
import type { Engine } from "../engine.ts";
import type { Program } from "../store/programs/programs.ts";
import { activityResolvers } from "./admin-activity.ts";
import { type Admin, type AdminContext, instant, pageSize } from "./admin-context.ts";
import { insightResolvers } from "./admin-insight.ts";
import { lineNode, memberOf } from "./admin-member.ts";
import { memberResolvers } from "./admin-members.ts";
import { campaignsAdminResolvers } from "./campaigns.ts";
import { dataExportsAdminResolvers } from "./data-exports.ts";
import { badInput, fromEngine, unwrap } from "./errors.ts";
import { type GraphQLRequest, mergeResolvers, once, type Resolvers, run, schemaOf } from "./execute.ts";
import { financeAdminResolvers } from "./finance.ts";
import { importsAdminResolvers } from "./imports.ts";
import { insightViewsAdminResolvers } from "./insight-views.ts";
import { membershipAdminResolvers } from "./membership.ts";
import { referralsAdminResolvers } from "./referrals.ts";
import { adminSdl } from "./sdl.ts";
import { webhooksAdminResolvers } from "./webhooks.ts";

/** Refuses a key already applied to a different adjustment (another member, amount or reason) with IdempotencyKeyReused. */
async function sameAdjustment(a: Admin, command: { key: string; customerId: string; points: number; reason: string }): Promise<void> {
  const program = await a.program();
  const first = await a.engine.members.adjustment(program.id, command.key);
  const key = command.key.slice("admin:".length);
  if (
    first?.customerId === command.customerId &&
    first.available + first.pending === command.points &&
    first.reason === command.reason.trim()
  )
    return;
  throw fromEngine({ code: "IdempotencyKeyReused", message: `idempotencyKey ${key} was already used for another adjustment`, key });
}

function programNode(p: Program) {
  return { key: p.key, version: p.configVersion, config: p.config };
}

const pointsResolvers: Resolvers<Admin> = {
  Query: {
    member: (_source, args, a) => memberOf(a, args.customerId as string),
    async order(_source, args, a) {
      const program = await a.program();
      const found = await a.engine.members.orderPoints(program.id, args.orderId as string);
      return found && { ...found, lines: found.lines.map(lineNode) };
    },
    program: async (_source, _args, a) => programNode(await a.program()),
    async audit(_source, args, a) {
      const program = await a.program();
      return a.engine.audit.log(program.id, pageSize(args.first as number));
    },
    async partners(_source, args, a) {
      const from = instant(args.from, "from");
      const to = instant(args.to, "to");
      if (from >= to) throw badInput("from must be before to");
      return unwrap(await a.engine.partners.settlement({ program: a.ctx.program, from, to }));
    },
    ...activityResolvers.Query,
    ...memberResolvers.Query,
    ...insightResolvers.Query,
  },
  Mutation: {
    async adjustPoints(_source, args, a) {
      const customerId = args.customerId as string;
      const retry = typeof args.idempotencyKey === "string" ? args.idempotencyKey : null;
      if (retry !== null && (retry.length < 1 || retry.length > 100)) throw badInput("idempotencyKey must be 1 to 100 characters");
      const command = {
        type: "adjust",
        key: `admin:${retry ?? randomUUID()}`,
        customerId,
        points: args.points as number,
        reason: args.reason as string,
        actor: a.ctx.actor,
      };
      const applied = await a.engine.apply(a.ctx.program, command, a.ctx.now);
      if (applied.ok || applied.error.code !== "AlreadyApplied") unwrap(applied);
      // A retry with the same key finds its first application: answer as if it were the first,
      // if it is the same adjustment (a key reused for another one must not pass for it).
      else await sameAdjustment(a, command);
      return memberOf(a, customerId);
    },
    async updateProgram(_source, args, a) {
      const expected = args.expectedVersion as number | null | undefined;
      const saved = await a.engine.updateConfig(a.ctx.program, args.config, a.ctx.actor, a.ctx.now, expected ?? undefined);
      return programNode(unwrap(saved));
    },
    async importPerkCodes(_source, args, a) {
      const partner = args.partner as string;
      const input = { program: a.ctx.program, partner, codes: args.codes as string[], actor: a.ctx.actor, now: a.ctx.now };
      return { partner, ...unwrap(await a.engine.partners.importCodes(input)) };
    },
    ...activityResolvers.Mutation,
    ...memberResolvers.Mutation,
  },
  AdminMember: { ...memberResolvers.AdminMember },
};

const resolvers = mergeResolvers(
  pointsResolvers,
  membershipAdminResolvers,
  referralsAdminResolvers,
  campaignsAdminResolvers,
  webhooksAdminResolvers,
  financeAdminResolvers,
  insightViewsAdminResolvers,
  importsAdminResolvers,
  dataExportsAdminResolvers,
);

let schema: GraphQLSchema | undefined;

/** The admin schema, built once from the contract. */
export function adminSchema(): GraphQLSchema {
  schema ??= schemaOf(adminSdl, resolvers);
  return schema;
}

/** Runs one admin request for the program in `ctx`. */
export function executeAdmin(engine: Engine, ctx: AdminContext, request: GraphQLRequest): Promise<ExecutionResult> {
  const program = once(async () => unwrap(await engine.program(ctx.program)));
  return run(adminSchema(), request, { engine, ctx, program }, ctx.onError);
}
