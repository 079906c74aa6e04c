import type { Engine } from "@kinship/engine";
import { adminApi } from "../admin-api.ts";
import { SHOPIFY_API_VERSION } from "../api-version.ts";
import type { ShopTokenSource } from "../tokens.ts";
import { type DiscountConfig, discountConfigOf } from "./config.ts";

/** The function's handle in plugin/app/extensions/member-prices/shopify.extension.toml. */
export const FUNCTION_HANDLE = "kinship-member-prices";
export const DISCOUNT_TITLE = "Kinship member prices";

const CREATE = `mutation KinshipMemberPriceDiscountCreate($discount: DiscountAutomaticAppInput!) {
  discountAutomaticAppCreate(automaticAppDiscount: $discount) {
    automaticAppDiscount { discountId }
    userErrors { field message code }
  }
}`;

const SET_CONFIG = `mutation KinshipMemberPriceConfigSet($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) {
    metafields { key }
    userErrors { field message code }
  }
}`;

interface UserError {
  field?: string[] | null;
  message: string;
  code?: string | null;
}
interface Created {
  discountAutomaticAppCreate: { automaticAppDiscount: { discountId: string } | null; userErrors: UserError[] };
}
interface ConfigSet {
  metafieldsSet: { userErrors: UserError[] };
}

/** What `sync` did: the discount made, its config rewritten, nothing to do, or why not (also recorded for the app home). */
export type DiscountSync =
  | { status: "created" | "updated" | "unchanged"; problem: string | null }
  | { status: "failed"; problem: string }
  | { status: "skipped" };

export interface MemberPriceDiscounts {
  /**
   * Brings the shop's member-price discount on Shopify in line with its program: creates it once
   * (discountAutomaticAppCreate with the function's handle and both config metafields), rewrites its
   * metafields when the program's tiers or member-price benefits changed (a config hash), and
   * otherwise calls nothing. Never throws; a refusal is recorded as the shop's discount problem.
   */
  sync(shop: string, options?: SyncOptions): Promise<DiscountSync>;
}

export interface SyncOptions {
  /** Create the discount when the shop has none (default true). The app home does; a config save only updates one. */
  create?: boolean;
}

export interface MemberPriceDiscountsOptions {
  engine: Engine;
  tokens: ShopTokenSource;
  now: () => Date;
  fetch?: typeof fetch;
}

export function memberPriceDiscounts(options: MemberPriceDiscountsOptions): MemberPriceDiscounts {
  const { engine, tokens, now } = options;
  const running = new Map<string, Promise<DiscountSync>>();

  async function sync(shop: string, create: boolean): Promise<DiscountSync> {
    const record = await engine.shops.discount(shop);
    const program = await engine.program(shop);
    const held = await engine.shops.tokens(shop);
    // A program with no Shopify shop, or a shop without Kinship's token (uninstalled, a custom app's): nothing to sync.
    if (!record || !program.ok || !held.ok || !held.value.installed || held.value.accessToken === null) return { status: "skipped" };
    const wanted = discountConfigOf(program.value.config);
    if (record.id !== null && record.configHash === wanted.hash) return { status: "unchanged", problem: record.problem };
    if (record.id === null && !create) return { status: "skipped" };
    const api = adminApi({
      shop,
      accessToken: () => tokens.tokenFor(shop),
      apiVersion: SHOPIFY_API_VERSION,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    const failed = async (problem: string): Promise<DiscountSync> => {
      await engine.shops.recordDiscount(shop, { id: record.id, configHash: record.configHash, problem });
      return { status: "failed", problem };
    };

    if (record.id === null) {
      const input = {
        title: DISCOUNT_TITLE,
        functionHandle: FUNCTION_HANDLE,
        discountClasses: ["PRODUCT"],
        startsAt: now().toISOString(),
        // Member prices stand with order and shipping discounts (a redeemed reward); against another
        // product discount Shopify applies the better one.
        combinesWith: { orderDiscounts: true, productDiscounts: false, shippingDiscounts: true },
        metafields: metafieldsOf(wanted),
      };
      const a = await api.request<Created>(CREATE, { discount: input }, { cost: 10 });
      if (!a.ok) return failed(`Kinship could not switch member prices on at checkout: ${a.message}`);
      const payload = a.data?.discountAutomaticAppCreate;
      if (!payload)
        return failed("Shopify's answer to switching member prices on at checkout had no discount: open Kinship again to retry");
      const { automaticAppDiscount, userErrors = [] } = payload;
      if (userErrors.length > 0 || !automaticAppDiscount) return failed(createRefused(userErrors));
      await engine.shops.recordDiscount(shop, { id: automaticAppDiscount.discountId, configHash: wanted.hash, problem: wanted.problem });
      return { status: "created", problem: wanted.problem };
    }

    const metafields = metafieldsOf(wanted).map((m) => ({ ...m, ownerId: record.id }));
    const a = await api.request<ConfigSet>(SET_CONFIG, { metafields }, { cost: 10 });
    if (!a.ok) return failed(`Kinship could not update member prices at checkout: ${a.message}`);
    const errors = a.data?.metafieldsSet?.userErrors ?? [{ message: "its answer had no metafieldsSet" }];
    if (errors.length > 0) return failed(`Shopify refused the member prices for checkout: ${errors.map((e) => e.message).join("; ")}`);
    await engine.shops.recordDiscount(shop, { id: record.id, configHash: wanted.hash, problem: wanted.problem });
    return { status: "updated", problem: wanted.problem };
  }

  return {
    // One sync per shop at a time in this process: two app opens must not create two discounts.
    sync(shop, syncOptions = {}) {
      const current = running.get(shop);
      if (current) return current;
      const started = sync(shop, syncOptions.create ?? true)
        .catch(
          (e: unknown): DiscountSync => ({
            status: "failed",
            problem: `Kinship could not sync member prices to checkout: ${(e as Error)?.message ?? e}`,
          }),
        )
        .finally(() => running.delete(shop));
      running.set(shop, started);
      return started;
    },
  };
}

function metafieldsOf(wanted: DiscountConfig) {
  return [
    { namespace: "$app", key: "config", type: "json", value: JSON.stringify(wanted.config) },
    { namespace: "$app", key: "collections", type: "json", value: JSON.stringify(wanted.variables) },
  ];
}

/** Shopify counts at most 25 active function discounts per store; say so plainly when that is the reason. */
export function createRefused(errors: readonly UserError[]): string {
  const said = errors.map((e) => e.message).join("; ") || "no reason given";
  if (errors.some((e) => /\b25\b|limit|maximum|too many/i.test(`${e.code ?? ""} ${e.message}`)))
    return `Member prices are not charged at checkout: the store has reached Shopify's limit of 25 active function discounts. Deactivate one in Shopify's Discounts, then open Kinship again. (Shopify: ${said})`;
  return `Shopify refused to switch member prices on at checkout: ${said}`;
}
