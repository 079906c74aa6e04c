import type { ProgramConfig } from "./program-config.ts";

export const ANY_TIER = "__any";

export function tierOptions(config: ProgramConfig, anyLabel?: string): { value: string; label: string }[] {
  const tiers = config.tiers.map((t) => ({ value: t.key, label: t.name }));
  return anyLabel ? [{ value: ANY_TIER, label: anyLabel }, ...tiers] : tiers;
}

/** A tier key the config does not have still shows (as its key), so the engine's issue about it has a field. */
export function withUnknownTier(options: { value: string; label: string }[], key: string | undefined): { value: string; label: string }[] {
  return key && !options.some((o) => o.value === key) ? [...options, { value: key, label: `${key} (no such tier)` }] : options;
}
