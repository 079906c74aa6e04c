import { type Engine, type EngineError, ok, type Result } from "@kinship/engine";

/**
 * The compensation for attempts that died between reserve and confirm (a crash, a failed
 * compensation): reservations older than `before` are cancelled and their points given back.
 * Run it from a scheduled job with `before` well past the slowest platform call (e.g. 15 min).
 */
export async function releaseStaleRedemptions(input: {
  engine: Pick<Engine, "redemptions">;
  program: string;
  before: Date;
  now: Date;
}): Promise<Result<{ released: string[] }, EngineError>> {
  const stale = await input.engine.redemptions.stale({ program: input.program, before: input.before });
  if (!stale.ok) return stale;
  const released: string[] = [];
  for (const r of stale.value) {
    const cancelled = await input.engine.redemptions.cancel({
      program: input.program,
      key: r.key,
      error: "abandoned: never confirmed",
      now: input.now,
    });
    if (cancelled.ok) released.push(r.key);
  }
  return ok({ released });
}
