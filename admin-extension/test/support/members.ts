import type { Shop } from "./shop.ts";
import { order } from "./shop.ts";

/** Ada (Gold, 2,500 points), Bob (Silver, 600) and Cy (Member, 100) with their profiles, on the default program. */
export async function seedMembers(shop: Shop): Promise<void> {
  const people = [
    { customerId: "cus_ADA", email: "ada@example.com", firstName: "Ada", lastName: "Lovelace", spent: 250000 },
    { customerId: "cus_BOB", email: "bob@example.com", firstName: "Bob", lastName: "Byte", spent: 60000 },
    { customerId: "cus_CY", email: "cy@example.com", firstName: "Cy", lastName: null, spent: 10000 },
  ];
  for (const [i, p] of people.entries()) {
    const at = `2026-05-${String(10 + i).padStart(2, "0")}T10:00:00Z`;
    await shop.apply({
      type: "customer.created",
      customerId: p.customerId,
      occurredAt: at,
      email: p.email,
      firstName: p.firstName,
      lastName: p.lastName,
    });
    await shop.apply(order(`o-${p.customerId}`, p.customerId, at, [{ price: p.spent }]));
  }
}
