import type { Engine } from "../engine.ts";
import type { MemberView } from "../store/members/members.ts";
import type { Program } from "../store/programs/programs.ts";

export type RedeemResult =
  | { ok: true; value: { rewardId: string; code: string; points: number } }
  | { ok: false; error: { code: string; message: string } };

/**
 * Who is asking, as the edge established it (app proxy signature, member token, Medusa customer
 * auth). The storefront surface never takes identity from a query argument.
 */
export interface StorefrontContext {
  program: string;
  /** Null for a guest. */
  customerId: string | null;
  now: Date;
  /**
   * Redeems a reward for ctx.customerId (the server binds the shopper); absent: redemption is off.
   * `idempotencyKey` is already scoped to that shopper; a call repeating it must answer the first
   * call's outcome and spend nothing (redemptions.once). Absent: a new redemption.
   */
  redeem?: (rewardId: string, idempotencyKey?: string) => Promise<RedeemResult>;
  /** The edge's own referral links; absent: links are `storefrontUrl?ref=<the member's code>`. */
  referralLink?: (customerId: string) => string | null | Promise<string | null>;
  /** The program's storefront (Shopify: https://<shop>/; Medusa: the plugin's `storefrontUrl` option); absent: no links. */
  storefrontUrl?: string | null;
  /** The shopper's IP as the server saw it (recordSession keeps it for referral fraud checks). */
  clientIp?: string | null;
  /** Told about unexpected failures, which the client only sees as "internal error". */
  onError?: (error: unknown) => void;
}

export interface Shopper {
  engine: Engine;
  ctx: StorefrontContext;
  program: () => Promise<Program>;
  /** The shopper's member record; null for a guest or a customer who is not a member yet. */
  member: () => Promise<MemberView | null>;
}
