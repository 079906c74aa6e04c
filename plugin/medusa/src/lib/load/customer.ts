import type { MedusaContainer } from "@medusajs/framework/types";
import { one } from "./query";

export function loadCustomer(container: Pick<MedusaContainer, "resolve">, id: string) {
  return one(container, "customer", ["id", "email", "first_name", "last_name", "created_at", "updated_at"], id);
}
