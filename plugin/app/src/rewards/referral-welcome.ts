import type { Engine, Reward } from "@kinship/engine";
import { isShopDomain, type PeriodicTask, shopifyClient } from "@kinship/webhooks";
import { SHOPIFY_API_VERSION } from "../shopify/api-version.ts";
import type { ShopTaskOptions } from "../shopify/task-options.ts";
import { shopTokens } from "../shopify/tokens.ts";
import { generateCode } from "./code.ts";
import { localIssuer, shopifyIssuer } from "./index.ts";
import type { DiscountIssuer } from "./issuers/types.ts";

/** A platform that refuses a code because it already exists: the reserved code was issued by an earlier run. */
const ALREADY_THERE = /taken|unique|already exists/i;

/**
 * Issues the welcome codes referees are owed (clean, approved or paid referrals), outside any
 * ledger transaction: each code is reserved on the referral first, so a retry issues the same code
 * and a referee never gets two. A failure is kept on the referral and tried again next run.
 */
export async function issueReferralWelcomes(options: {
  engine: Engine;
  issuer: DiscountIssuer;
  program: string;
  now: Date;
  limit?: number;
}): Promise<{ issued: number; failed: number }> {
  const { engine, issuer, now } = options;
  const out = { issued: 0, failed: 0 };
  const found = await engine.program(options.program);
  if (!found.ok) return out;
  const program = found.value;
  const offer = program.config.referrals;
  if (!offer?.enabled) return out;
  const reward: Reward = {
    id: "referral-welcome",
    name: "Referral welcome",
    cost: 1,
    kind: offer.refereeReward.kind,
    value: offer.refereeReward.value,
    enabled: true,
  };
  for (const due of await engine.referrals.welcomeDue(program.id, options.limit ?? 100)) {
    const reserved = await engine.referrals.reserveWelcomeCode(program.id, due.referralId, generateCode("KREF"));
    if (!reserved || reserved.issued) continue;
    const r = await issuer.issue({
      program: program.key,
      customerId: due.refereeId,
      reward,
      code: reserved.code,
      currency: program.config.currency,
      now,
      minimumOrder: offer.refereeReward.minimumOrder,
    });
    if (r.ok || (!r.error.retryable && ALREADY_THERE.test(r.error.message))) {
      await engine.referrals.settleWelcomeCode(
        program.id,
        due.referralId,
        { issued: true, platformRef: r.ok ? r.value.platformRef : null },
        now,
      );
      out.issued++;
    } else {
      await engine.referrals.settleWelcomeCode(program.id, due.referralId, { issued: false, error: r.error.message }, now);
      out.failed++;
    }
  }
  return out;
}

export type ReferralWelcomeTaskOptions = ShopTaskOptions;

/**
 * Referees' welcome codes as a worker's periodic task: on the shop for Shopify programs with a
 * token, locally for programs without a platform (the demo, custom programs). A shop without a
 * usable token waits until it has one.
 */
export function referralWelcomeTask(options: ReferralWelcomeTaskOptions): PeriodicTask {
  const { engine, now, log } = options;
  const tokens = shopTokens({ engine, shopify: shopifyClient(options.apiKey, options.apiSecret), now });
  return {
    name: "referral-welcomes",
    everyMs: options.everyMs,
    async run() {
      for (const { key } of await engine.programs.list()) {
        try {
          let issuer: DiscountIssuer = localIssuer();
          if (isShopDomain(key)) {
            const shop = await engine.shops.find(key);
            if (shop && (!shop.installed || !shop.hasToken)) continue;
            if (shop)
              issuer = shopifyIssuer({
                shop: shop.domain,
                accessToken: () => tokens.tokenFor(shop.domain),
                apiVersion: SHOPIFY_API_VERSION,
              });
          }
          const done = await issueReferralWelcomes({ engine, issuer, program: key, now: now() });
          if (done.issued + done.failed > 0) log.info({ program: key, ...done }, "referral welcome codes issued");
        } catch (e) {
          log.error({ program: key, err: e }, "referral welcome codes failed: they are tried again next period");
        }
      }
    },
  };
}
