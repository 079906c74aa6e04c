import { writeFileSync } from "node:fs";
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";

/**
 * Benchmark, run by `npm run bench:medusa` through `medusa exec`: the same order.placed events,
 * each delivered 3 times in a shuffled order with 8 handlers at a time (as an event bus retrying
 * and redelivering would), go through
 *   - Kinship's subscriber (@kinship/medusa: inbox, ledger, tier groups), and
 *   - the approach of Medusa's loyalty-points docs recipe: one mutable integer per customer,
 *     read, add, write back.
 * Prints events/s for each and the points each lost or doubled against the exact expectation.
 */
type Handler = (args: {
  event: { name: string; data: { id: string } };
  container: MedusaContainer;
  pluginOptions: object;
}) => Promise<void>;

const ORDERS = Number(process.env.KINSHIP_BENCH_ORDERS ?? 1000);
const CUSTOMERS = Number(process.env.KINSHIP_BENCH_CUSTOMERS ?? 100);
const COPIES = Number(process.env.KINSHIP_BENCH_COPIES ?? 3);
const CONCURRENCY = Number(process.env.KINSHIP_BENCH_CONCURRENCY ?? 8);

export default async function bench({ container }: ExecArgs) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION);
  const customers = container.resolve(Modules.CUSTOMER);
  const orders = container.resolve(Modules.ORDER);
  const random = mulberry32(20261130);

  const created = await customers.createCustomers(
    Array.from({ length: CUSTOMERS }, (_, i) => ({ email: `bench-${i}@example.com`, first_name: `Bench ${i}` })),
  );
  const expected = new Map<string, number>(created.map((c) => [c.id, 0]));
  const orderIds: string[] = [];
  for (let start = 0; start < ORDERS; start += 200) {
    const batch = Array.from({ length: Math.min(200, ORDERS - start) }, () => {
      const customer = created[Math.floor(random() * created.length)] as { id: string; email: string };
      const items = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, j) => ({
        title: `Item ${j}`,
        quantity: 1 + Math.floor(random() * 3),
        unit_price: 10 + Math.floor(random() * 190),
      }));
      expected.set(customer.id, (expected.get(customer.id) ?? 0) + items.reduce((s, it) => s + it.quantity * it.unit_price, 0));
      return { customer_id: customer.id, email: customer.email, currency_code: "usd", items };
    });
    const made = await orders.createOrders(batch);
    orderIds.push(...made.map((o) => o.id));
  }

  const deliveries = shuffle(
    orderIds.flatMap((id) => Array.from({ length: COPIES }, () => id)),
    random,
  );

  // The recipe's approach: one row per customer holding a mutable integer.
  await knex.raw("CREATE TABLE IF NOT EXISTS recipe_loyalty_point (customer_id text PRIMARY KEY, points integer NOT NULL)");
  let recipeAdded = 0;
  const recipe: Handler = async ({ event }) => {
    const { data } = await query.graph({ entity: "order", fields: ["id", "customer_id", "item_subtotal"], filters: { id: event.data.id } });
    const order = data[0] as { customer_id: string; item_subtotal: number } | undefined;
    if (!order) return;
    const add = Math.floor(Number(order.item_subtotal));
    const row = (await knex.raw("SELECT points FROM recipe_loyalty_point WHERE customer_id = ?", [order.customer_id])).rows[0] as
      | { points: number }
      | undefined;
    if (row) await knex.raw("UPDATE recipe_loyalty_point SET points = ? WHERE customer_id = ?", [row.points + add, order.customer_id]);
    else
      await knex.raw(
        "INSERT INTO recipe_loyalty_point (customer_id, points) VALUES (?, ?) ON CONFLICT (customer_id) DO UPDATE SET points = EXCLUDED.points",
        [order.customer_id, add],
      );
    recipeAdded += add;
  };
  const kinship = (require("@kinship/medusa/subscribers/kinship-order-placed") as { default: Handler }).default;

  const run = async (name: string, handler: Handler) => {
    const started = process.hrtime.bigint();
    let next = 0;
    let failures = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < deliveries.length) {
          const id = deliveries[next++] as string;
          await handler({ event: { name: "order.placed", data: { id } }, container, pluginOptions: {} }).catch(() => {
            failures += 1;
          });
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { name, events: deliveries.length, seconds, perSecond: deliveries.length / seconds, failures };
  };

  const kinshipRun = await run("kinship", kinship);
  const recipeRun = await run("recipe", recipe);

  const kinshipModule = container.resolve("kinship") as {
    program: string;
    engine(): Promise<{
      member(p: string, c: string, now: Date): Promise<{ ok: boolean; value?: { points: { available: number } } }>;
      verify(p?: string): Promise<unknown[]>;
    }>;
  };
  const engine = await kinshipModule.engine();
  const recipeRows = new Map(
    ((await knex.raw("SELECT customer_id, points FROM recipe_loyalty_point")).rows as { customer_id: string; points: number }[]).map(
      (r) => [r.customer_id, r.points],
    ),
  );
  const tally = async (actualOf: (customerId: string) => Promise<number>) => {
    let lost = 0;
    let doubled = 0;
    let exact = 0;
    let credited = 0;
    for (const [customerId, want] of expected) {
      const got = await actualOf(customerId);
      credited += got;
      if (got > want) doubled += got - want;
      if (got < want) lost += want - got;
      if (got === want) exact += 1;
    }
    return { credited, lost, doubled, exactCustomers: exact };
  };
  const kinshipTally = await tally(async (c) => {
    const m = await engine.member(kinshipModule.program, c, new Date());
    return m.ok && m.value ? m.value.points.available : 0;
  });
  const recipeTally = await tally(async (c) => recipeRows.get(c) ?? 0);
  const drift = await engine.verify(kinshipModule.program);
  const { data: groups } = await query.graph({ entity: "customer_group", fields: ["id", "metadata"] });
  const tierGroups = groups.map((g) => (g.metadata as Record<string, unknown> | null)?.kinship_tier).filter((t) => typeof t === "string");

  const result = {
    orders: ORDERS,
    customers: CUSTOMERS,
    copies: COPIES,
    concurrency: CONCURRENCY,
    expectedPoints: [...expected.values()].reduce((a, b) => a + b, 0),
    kinship: {
      ...kinshipRun,
      ...kinshipTally,
      drift: drift.length,
      tierGroups: tierGroups.length,
      distinctTierGroups: new Set(tierGroups).size,
    },
    recipe: { ...recipeRun, ...recipeTally, addedByHandlers: recipeAdded, lostToRaces: recipeAdded - recipeTally.credited },
  };
  const out = process.env.KINSHIP_BENCH_OUT;
  if (out) writeFileSync(out, JSON.stringify(result, null, 2));
  else console.log(JSON.stringify(result, null, 2));
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
