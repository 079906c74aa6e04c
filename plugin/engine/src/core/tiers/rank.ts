import type { ProgramConfig, Tier } from "../config/schema.ts";

export function tierFor(config: ProgramConfig, growth: number): Tier {
  let tier = config.tiers[0] as Tier;
  for (const t of config.tiers) if (growth >= t.threshold) tier = t;
  return tier;
}

export function tierRank(config: ProgramConfig, key: string): number {
  return Math.max(
    0,
    config.tiers.findIndex((t) => t.key === key),
  );
}
