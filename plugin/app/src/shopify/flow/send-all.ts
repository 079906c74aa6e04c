import type { Engine } from "@kinship/engine";
import type { Logger } from "@kinship/webhooks";
import { adminApi } from "../admin-api.ts";
import { SHOPIFY_API_VERSION } from "../api-version.ts";
import type { ShopPacers } from "../pacer.ts";
import { ShopTokenError, type ShopTokenSource } from "../tokens.ts";
import { sendFlowTriggers } from "./send-shop.ts";

/** How often Flow triggers are sent by default. */
export const DEFAULT_FLOW_EVERY_MS = 5_000;

export interface FlowAllOptions {
  engine: Engine;
  tokens: Pick<ShopTokenSource, "tokenFor">;
  now: () => Date;
  log: Logger;
  /** Programs whose Flow sink this process has ensured already (the sink is made once, then only read). */
  ensured?: Set<string>;
  pacers?: ShopPacers;
  fetch?: typeof fetch;
  budgetMs?: number;
}

/**
 * One run of the Flow triggers: every installed shop with a token gets its program's Flow sink
 * (from then on every event is kept for Flow), then its due deliveries are sent. A shop whose
 * token cannot be had is skipped, its deliveries left for when it can; a shop that fails is logged
 * and the others go on.
 */
export async function sendAllFlowTriggers(options: FlowAllOptions): Promise<void> {
  const { engine, tokens, now, log } = options;
  const ensured = options.ensured ?? new Set<string>();
  for (const { domain, programKey } of await engine.shops.installed()) {
    try {
      if (!ensured.has(programKey)) {
        await engine.events.ensureSink(programKey, "flow", undefined, now());
        ensured.add(programKey);
      }
      await tokens.tokenFor(domain);
    } catch (e) {
      if (e instanceof ShopTokenError) {
        log.warn({ shop: domain, reason: e.message }, "Flow triggers skipped: no usable token");
        continue;
      }
      log.error({ shop: domain, err: e }, "Flow triggers failed: they run again next period");
      continue;
    }
    try {
      const api = adminApi({
        shop: domain,
        accessToken: () => tokens.tokenFor(domain),
        apiVersion: SHOPIFY_API_VERSION,
        background: true,
        ...(options.pacers ? { pacer: options.pacers.for(domain) } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      const done = await sendFlowTriggers({
        engine,
        program: programKey,
        api,
        now,
        ...(options.budgetMs ? { budgetMs: options.budgetMs } : {}),
      });
      if (done.sent + done.failed > 0) log.info({ shop: domain, ...done }, "Flow triggers sent to Shopify");
    } catch (e) {
      log.error({ shop: domain, err: e }, "Flow triggers failed: they run again next period");
    }
  }
}
