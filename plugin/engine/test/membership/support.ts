import { dbOf } from "../../../../test/support/engine-db.ts";
import { defaultProgramConfig, type Engine, executeStorefront, type ProgramConfigInput } from "../../src/index.ts";
import { uniqueProgramKey } from "../support/backends.ts";
import { order } from "../support/events.ts";

export type OnRefund = "immediately" | "periodEnd";

/**
 * Member/Silver(500)/Gold(2000), 1 point and growth per unit; "silver-10" (10% off all from Silver)
 * and "gold-tees" (3.00 off tees from Gold). The plan "plus" (99.00 a month, product plus-plan)
 * holds Silver, grants gold-tees whatever the tier, includes free shipping, 7 grace days and a
 * reminder 3 days before the end.
 */
export function planProgram(onRefund: OnRefund = "immediately"): ProgramConfigInput {
  return {
    ...defaultProgramConfig("USD"),
    benefits: [
      { id: "silver-10", name: "10% off", kind: "memberPrice", minTier: "silver", scope: { all: true }, discount: { percentOff: 10 } },
      { id: "gold-tees", name: "Tees", kind: "memberPrice", minTier: "gold", scope: { productIds: ["tee"] }, discount: { amountOff: 300 } },
    ],
    plans: [
      {
        key: "plus",
        name: "Plus",
        price: 9900,
        period: "month",
        tier: "silver",
        benefits: ["gold-tees"],
        freeShipping: true,
        graceDays: 7,
        reminderDays: 3,
        onRefund,
        products: { productIds: ["plus-plan"] },
      },
    ],
  };
}

export async function seedPlanProgram(engine: Engine, onRefund: OnRefund = "immediately", config = planProgram(onRefund)): Promise<string> {
  const key = uniqueProgramKey("plan");
  const now = new Date("2026-01-01T00:00:00Z");
  const created = await engine.createProgram({ key, platform: "shopify", config, actor: "setup", now });
  if (!created.ok) throw new Error(created.error.message);
  const { upsertVariants } = await import("../../src/store/index.ts");
  const grid = await upsertVariants(
    dbOf(engine),
    key,
    [
      { variantId: "tee-v", productId: "tee", collectionIds: [], price: 2000, currency: "USD" },
      { variantId: "mug-v", productId: "mug", collectionIds: [], price: 1000, currency: "USD" },
    ],
    now,
  );
  if (!grid.ok) throw new Error(grid.error.message);
  return key;
}

/** An order of the plan (99.00) for `customerId` at `at`. */
export function planOrder(orderId: string, customerId: string | null, at: string, extra: Record<string, unknown> = {}) {
  return order(orderId, customerId, at, [{ id: `${orderId}-plan`, price: 9900, product: "plus-plan" }], extra);
}

export async function apply(engine: Engine, program: string, input: unknown, now: string) {
  const r = await engine.apply(program, input, new Date(now));
  if (!r.ok) throw new Error(`${JSON.stringify(input)}: ${r.error.message}`);
  return r.value;
}

/** What the member looks like at `now`: tier, where it comes from, the membership, and the two variants' member prices. */
export async function standing(engine: Engine, program: string, customerId: string, now: string) {
  const r = await executeStorefront(
    engine,
    { program, customerId, now: new Date(now) },
    {
      query: `{ me { tier { key } tierSource membership { status currentPeriodStart currentPeriodEnd benefitsUntil orderIds plan { key } } }
        memberPrices(variantIds: ["tee-v", "mug-v"]) { variantId memberPrice benefit } }`,
    },
  );
  const data = JSON.parse(JSON.stringify(r)) as {
    errors?: unknown;
    data: {
      me: {
        tier: { key: string };
        tierSource: string;
        membership: {
          status: string;
          currentPeriodStart: string;
          currentPeriodEnd: string;
          benefitsUntil: string;
          orderIds: string[];
        } | null;
      } | null;
      memberPrices: { variantId: string; memberPrice: number | null; benefit: string | null }[];
    };
  };
  if (data.errors) throw new Error(JSON.stringify(data.errors));
  const me = data.data.me;
  const prices = Object.fromEntries(data.data.memberPrices.map((p) => [p.variantId, p.memberPrice]));
  const m = me?.membership;
  return {
    tier: me?.tier.key ?? null,
    source: me?.tierSource ?? null,
    status: m?.status ?? null,
    period: m ? [m.currentPeriodStart.slice(0, 10), m.currentPeriodEnd.slice(0, 10)] : null,
    until: m?.benefitsUntil.slice(0, 10) ?? null,
    orders: m?.orderIds ?? [],
    tee: prices["tee-v"] ?? null,
    mug: prices["mug-v"] ?? null,
  };
}

/** The membership messages in the outbox, oldest first: topic and the plan's period end they report. */
export async function membershipMessages(engine: Engine, program: string) {
  const rows = await dbOf(engine)
    .selectFrom("kinship_outbox as o")
    .innerJoin("kinship_program as p", "p.id", "o.program_id")
    .select(["o.topic", "o.payload", "o.key"])
    .where("p.key", "=", program)
    .where((eb) => eb.or([eb("o.topic", "like", "membership.%"), eb("o.topic", "=", "tier.changed")]))
    .orderBy("o.id")
    .execute();
  return rows.map((r) => {
    const p = r.payload as { customerId: string; periodEnd?: string; to?: string };
    return `${r.topic} ${p.customerId} ${p.periodEnd?.slice(0, 10) ?? p.to ?? ""}`.trim();
  });
}
