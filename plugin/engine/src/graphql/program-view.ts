import type { ProgramConfig } from "../core/index.ts";

/** What `StorefrontProgram` answers: nothing a shopper should not see (no conditions, caps or benefits). */
export interface ProgramNode {
  name: string;
  currency: string;
  waysToEarn: {
    id: string;
    name: string;
    trigger: string;
    pointsPerUnit: number | null;
    points: number | null;
    multiplier: number | null;
  }[];
}

/** The program for shoppers at `now`: enabled earn rules not past their schedule's end, highest priority first. */
export function programNode(config: ProgramConfig, now: Date): ProgramNode {
  const rules = config.rules.filter((r) => r.enabled && !(r.schedule?.to && Date.parse(r.schedule.to) <= now.getTime()));
  const waysToEarn = rules
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.priority - a.r.priority || a.i - b.i)
    .map(({ r }) => {
      const p = r.reward.points;
      return {
        id: r.id,
        name: r.name,
        trigger: r.trigger,
        pointsPerUnit: p && "perUnit" in p ? p.perUnit : null,
        points: p && "fixed" in p ? p.fixed : null,
        multiplier: p && "multiplier" in p ? p.multiplier : null,
      };
    });
  return { name: config.name, currency: config.currency, waysToEarn };
}
