import type { MembershipView, Plan, ProgramConfig } from "../core/index.ts";
import type { Engine } from "../engine.ts";
import { summaryOf } from "../store/membership/stats.ts";
import type { Program } from "../store/programs/programs.ts";
import type { Admin } from "./admin-context.ts";
import type { Resolvers } from "./execute.ts";
import type { MemberNode } from "./views.ts";

/** What these resolvers read of the storefront's Shopper (named here so this file and storefront.ts do not import each other). */
interface Shopper {
  engine: Engine;
  ctx: { now: Date };
  program: () => Promise<Program>;
}

export function planNode(plan: Plan, config: ProgramConfig) {
  return {
    key: plan.key,
    name: plan.name,
    price: plan.price,
    currency: config.currency,
    period: plan.period === "year" ? "YEAR" : "MONTH",
    tier: plan.tier ?? null,
    freeShipping: plan.freeShipping,
  };
}

/** A member's membership for the API; its value (a query) is read only when asked for. */
function membershipNode(
  view: MembershipView,
  program: Program,
  customerId: string,
  now: Date,
  value: (program: Program, customerId: string, view: MembershipView, now: Date) => Promise<unknown>,
) {
  return {
    plan: planNode(view.plan, program.config),
    status: view.status,
    startedAt: view.startedAt.toISOString(),
    currentPeriodStart: view.periodStart.toISOString(),
    currentPeriodEnd: view.periodEnd.toISOString(),
    benefitsUntil: view.benefitsUntil.toISOString(),
    orderIds: view.orderIds,
    async value() {
      const v = (await value(program, customerId, view, now)) as { [k: string]: unknown };
      const to = now < view.benefitsUntil ? now : view.benefitsUntil;
      return { ...v, from: view.periodStart.toISOString(), to: to.toISOString(), currency: program.config.currency };
    },
  };
}

export const membershipStorefrontResolvers: Resolvers<Shopper> = {
  Member: {
    tierSource: (node) => (node as MemberNode).tierSource,
    async membership(node, _args, s) {
      const { membership, customerId } = node as MemberNode;
      if (!membership) return null;
      return membershipNode(membership, await s.program(), customerId, s.ctx.now, s.engine.membership.value);
    },
  },
  StorefrontProgram: {
    async plans(_source, _args, s) {
      const { config } = await s.program();
      return config.plans.filter((p) => p.enabled).map((p) => planNode(p, config));
    },
  },
};

export const membershipAdminResolvers: Resolvers<Admin> = {
  AdminMember: {
    tierSource: (node) => (node as MemberNode).tierSource,
    async membership(node, _args, a) {
      const { membership, customerId } = node as MemberNode;
      if (!membership) return null;
      return membershipNode(membership, await a.program(), customerId, a.ctx.now, a.engine.membership.value);
    },
  },
  Dashboard: {
    async membership(_source, _args, a) {
      return summaryOf(await a.engine.membership.planStats(await a.program(), a.ctx.now));
    },
  },
  Query: {
    async plans(_source, _args, a) {
      const program = await a.program();
      const stats = await a.engine.membership.planStats(program, a.ctx.now);
      return stats.map((s) => ({ ...s, plan: planNode(s.plan, program.config) }));
    },
  },
};
