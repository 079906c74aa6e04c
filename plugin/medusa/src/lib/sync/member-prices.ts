import type { Engine } from "@kinship/engine";
import type { MedusaContainer } from "@medusajs/framework/types";
import { batchPriceListPricesWorkflow, createPriceListsWorkflow, updatePriceListsWorkflow } from "@medusajs/medusa/core-flows";
import { kinshipOf } from "../kinship";
import { graph } from "../load/query";
import { majorOf, minorOf } from "../money";
import { type BasePrice, diffPrices, planMemberPrices } from "./member-prices-plan";
import { ensureTierGroups } from "./tier-groups-ensure";

export interface PriceSync {
  priceLists: number;
  created: number;
  updated: number;
  deleted: number;
}

type Row = Record<string, unknown>;

/**
 * Reconciles Medusa's price lists with the program's member-price benefits: one price list
 * per tier, limited to that tier's customer group, holding the member price of every variant a
 * benefit lowers. Medusa's own pricing then answers `calculated_price` with it for members of the
 * tier. The program's variant catalog follows Medusa's base prices, so the storefront API
 * (`memberPrices`, the widgets) answers the same numbers. Idempotent: it only writes differences.
 */
export function syncMemberPrices(container: MedusaContainer): Promise<PriceSync> {
  const kinship = kinshipOf(container);
  // One sync at a time per process (it needs two of Kinship's connections), and across processes.
  running = (running ?? Promise.resolve())
    .catch(() => undefined)
    .then(async () => {
      const engine = await kinship.engine();
      return engine.host.withLock(`member-prices:${kinship.program}`, (tx) => reconcile(container, tx));
    });
  return running;
}

let running: Promise<PriceSync> | undefined;

async function reconcile(container: MedusaContainer, tx: Engine): Promise<PriceSync> {
  const kinship = kinshipOf(container);
  const found = await tx.program(kinship.program);
  if (!found.ok) throw new Error(found.error.message);
  const { config } = found.value;

  const variants = await graph(
    container,
    "product_variant",
    [
      "id",
      "product_id",
      "product.collection_id",
      "price_set.id",
      "prices.id",
      "prices.amount",
      "prices.currency_code",
      "prices.rules_count",
      "prices.min_quantity",
      "prices.price_list_id",
    ],
    {},
  );
  const variantOfSet = new Map<string, string>();
  const base: BasePrice[] = [];
  for (const v of variants) {
    const product = (v.product ?? {}) as Row;
    const priceSet = (v.price_set ?? {}) as Row;
    if (typeof priceSet.id === "string") variantOfSet.set(priceSet.id, String(v.id));
    for (const p of (v.prices ?? []) as Row[]) {
      if (p.price_list_id || Number(p.rules_count ?? 0) > 0 || p.min_quantity != null) continue;
      const currency = String(p.currency_code).toUpperCase();
      base.push({
        variantId: String(v.id),
        productId: typeof v.product_id === "string" ? v.product_id : null,
        collectionIds: typeof product.collection_id === "string" ? [product.collection_id] : [],
        price: minorOf(p.amount, currency),
        currency,
      });
    }
  }
  const plan = planMemberPrices(config, base);
  // The variant catalog answers the storefront API's memberPrices (the widgets) with the same numbers.
  const engine = await kinship.engine();
  const catalog = await engine.catalog.upsert(
    kinship.program,
    base.filter((b) => b.currency === config.currency),
    new Date(),
  );
  if (!catalog.ok) throw new Error(`kinship: catalog: ${catalog.error.message}`);
  // After the catalog write: from here on this sync needs no second Kinship connection, so holding
  // the tier-group lock cannot starve the pool.
  const groups = await ensureTierGroups(container, kinship.program, config.tiers, tx);

  const lists = (
    await graph(
      container,
      "price_list",
      ["id", "metadata", "prices.id", "prices.amount", "prices.currency_code", "prices.price_set_id"],
      {},
    )
  ).filter((l) => ((l.metadata ?? {}) as Row).kinship_program === kinship.program);
  const sync: PriceSync = { priceLists: 0, created: 0, updated: 0, deleted: 0 };
  for (const tier of config.tiers) {
    const wanted = plan.get(tier.key) ?? new Map<string, number>();
    const groupId = groups.get(tier.key);
    if (!groupId) continue;
    const metadata = { kinship_program: kinship.program, kinship_tier: tier.key, kinship_group: groupId };
    const existing = lists.find((l) => ((l.metadata ?? {}) as Row).kinship_tier === tier.key);
    if (!existing) {
      if (wanted.size === 0) continue;
      await createPriceListsWorkflow(container).run({
        input: {
          price_lists_data: [
            {
              title: `${tier.name} tier prices`,
              description: `Kinship keeps these prices in sync with the ${tier.name} tier's benefits (Settings → Loyalty).`,
              status: "active",
              rules: { "customer.groups.id": [groupId] },
              metadata,
              prices: [...wanted].map(([key, amount]) => {
                const [variantId = "", currency = ""] = key.split("|");
                return { variant_id: variantId, currency_code: currency.toLowerCase(), amount: majorOf(amount, currency) };
              }),
            },
          ],
        },
      });
      sync.priceLists += 1;
      sync.created += wanted.size;
      continue;
    }
    sync.priceLists += 1;
    const id = String(existing.id);
    if (((existing.metadata ?? {}) as Row).kinship_group !== groupId)
      await updatePriceListsWorkflow(container).run({
        input: { price_lists_data: [{ id, rules: { "customer.groups.id": [groupId] }, metadata }] },
      });
    const current = ((existing.prices ?? []) as Row[]).map((p) => {
      const currency = String(p.currency_code).toUpperCase();
      return { id: String(p.id), variantId: variantOfSet.get(String(p.price_set_id)) ?? "", currency, amount: minorOf(p.amount, currency) };
    });
    const change = diffPrices(wanted, current);
    if (change.create.length + change.update.length + change.delete.length === 0) continue;
    const currencyOf = new Map(current.map((p) => [p.id, p.currency]));
    await batchPriceListPricesWorkflow(container).run({
      input: {
        data: {
          id,
          create: change.create.map((c) => ({
            variant_id: c.variantId,
            currency_code: c.currency.toLowerCase(),
            amount: majorOf(c.amount, c.currency),
          })),
          update: change.update.map((u) => ({
            id: u.id,
            variant_id: u.variantId,
            amount: majorOf(u.amount, currencyOf.get(u.id) ?? "USD"),
          })),
          delete: change.delete,
        },
      },
    });
    sync.created += change.create.length;
    sync.updated += change.update.length;
    sync.deleted += change.delete.length;
  }
  return sync;
}
