import { benefits, programConfig } from "../../../test/support/program-fixture.ts";
import { seedMembers } from "./members.ts";
import { adjust, refund, type Shop } from "./shop.ts";

/** The default program with one member price (members save 5%) whose cost the owner estimates at 2.00 a use. */
export const reportsConfig = () => programConfig({ benefits: [{ ...benefits.membersFivePercent, costEstimate: 200 }] });

/**
 * May 2026 (UTC): Ada, Bob and Cy buy on the 10th–12th (2,500 + 600 + 100 points issued); Ada buys
 * again on the 20th at the member price (100.00 after saving 5.00: 100 points); Bob gets 100.00 of
 * his 600.00 refunded on the 15th (100 points reversed); on the 25th the owner gives Cy 500 growth (no
 * points), moving Cy from Member to Silver.
 */
export async function seedMay(shop: Shop): Promise<void> {
  await seedMembers(shop);
  await shop.apply({
    type: "order.paid",
    orderId: "o-ada-2",
    customerId: "cus_ADA",
    occurredAt: "2026-05-20T10:00:00Z",
    currency: "USD",
    lines: [{ lineId: "o-ada-2-1", quantity: 1, unitPrice: 10000, discount: 0, memberSaving: 500 }],
    shipping: 0,
    tax: 0,
  });
  await shop.apply(refund("r-bob", "o-cus_BOB", "2026-05-15T10:00:00Z", 10000));
  const moved = await shop.engine.apply(
    shop.program,
    adjust("cus_CY", 0, { growth: 500, reason: "Event host" }),
    new Date("2026-05-25T10:00:00Z"),
  );
  if (!moved.ok) throw new Error(moved.error.message);
}
