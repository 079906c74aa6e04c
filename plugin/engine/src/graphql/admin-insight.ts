import { dashboardWeeks, MAX_DASHBOARD_WEEKS, type ProgramConfig, type Tier, tryRule, validateConfig, windowStart } from "../core/index.ts";
import type { TierShift } from "../store/insight/tier-preview.ts";
import type { Admin } from "./admin-context.ts";
import { badInput, fromEngine, unwrap } from "./errors.ts";
import type { Resolvers } from "./execute.ts";

/** The Dashboard, the Tiers screen's preview and the Earn rules screen's try-out. */
export const insightResolvers = {
  Query: {
    async dashboard(_source, args, a) {
      // An explicit null (a client's unset variable) means the default, as leaving it out does.
      const weeks = (args.weeks ?? 12) as number;
      if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_DASHBOARD_WEEKS)
        throw badInput(`weeks must be 1 to ${MAX_DASHBOARD_WEEKS}, got ${weeks}`);
      const program = await a.program();
      const { config } = program;
      const period = dashboardWeeks(a.ctx.now, config.timezone, weeks);
      const f = await a.engine.insight.dashboard(program.id, period);
      const names = tierNames(config.tiers, []);
      return {
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        currency: config.currency,
        members: f.members,
        activeMembers: f.activeMembers,
        outstandingPoints: f.outstandingPoints,
        pendingPoints: f.pendingPoints,
        membersByTier: period.starts.map((start, i) => {
          const counts = new Map(f.membersByTier.filter((r) => r.week === i + 1).map((r) => [r.tier, r.members]));
          const keys = [...new Set([...config.tiers.map((t) => t.key), ...counts.keys()])];
          return {
            week: start.toISOString(),
            tiers: keys.map((tier) => ({ tier, name: names.get(tier) ?? tier, members: counts.get(tier) ?? 0 })),
          };
        }),
        pointsByWeek: f.pointsByWeek.map((p) => ({ ...p, week: period.starts[p.week - 1]?.toISOString() })),
        memberOrders: f.memberOrders,
        nonMemberOrders: f.nonMemberOrders,
        topRewards: f.topRewards.map((r) => ({ ...r, name: config.rewards.find((x) => x.id === r.rewardId)?.name ?? r.rewardId })),
      };
    },
    async tierPreview(_source, args, a) {
      const program = await a.program();
      const { config } = program;
      const proposal = unwrap(validateConfig({ ...config, tiers: args.tiers }));
      const start = windowStart(config.growth.window, a.ctx.now, config.timezone);
      const shifts = await a.engine.insight.tierShifts(program.id, proposal.tiers, start, a.ctx.now, config);
      return preview(config, proposal.tiers, shifts);
    },
    tryRule(_source, args, a) {
      return a.program().then((program) => {
        const tier = typeof args.tier === "string" ? args.tier : null;
        const trial = tryRule(program.config, args.rule, args.order, tier, a.ctx.now);
        if (trial.ok) return trial.value;
        if (trial.error.code === "InvalidConfig") throw fromEngine(trial.error);
        throw badInput(trial.error.message);
      });
    },
  },
} satisfies Resolvers<Admin>;

function tierNames(...lists: Tier[][]): Map<string, string> {
  return new Map(lists.flat().map((t) => [t.key, t.name]));
}

/**
 * Tiers before and after, and who moves: up when the proposed tier's threshold is above the
 * threshold of the tier the member holds, down when below.
 */
function preview(config: ProgramConfig, proposed: Tier[], shifts: TierShift[]) {
  const names = tierNames(config.tiers, proposed);
  const oldThreshold = new Map(config.tiers.map((t) => [t.key, t.threshold]));
  const newThreshold = new Map(proposed.map((t) => [t.key, t.threshold]));
  const keys = [...new Set([...proposed.map((t) => t.key), ...config.tiers.map((t) => t.key), ...shifts.map((s) => s.current)])];
  const sum = (pick: (s: TierShift) => boolean) => shifts.filter(pick).reduce((n, s) => n + s.members, 0);
  const moved = (s: TierShift) =>
    s.current === s.target ? 0 : Math.sign((newThreshold.get(s.target) ?? 0) - (oldThreshold.get(s.current) ?? 0));
  return {
    members: sum(() => true),
    up: sum((s) => moved(s) > 0),
    down: sum((s) => moved(s) < 0),
    tiers: keys.map((tier) => ({
      tier,
      name: names.get(tier) ?? tier,
      before: sum((s) => s.current === tier),
      after: sum((s) => s.target === tier),
    })),
  };
}
