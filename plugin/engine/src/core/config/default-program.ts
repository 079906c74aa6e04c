import type { ProgramConfigInput } from "./schema.ts";

/** 1 point and 1 growth per whole currency unit of the order subtotal after discounts (no shipping, no tax). */
export function defaultProgramConfig(currency = "USD", timezone = "UTC"): ProgramConfigInput {
  return {
    name: "Kinship rewards",
    currency,
    timezone,
    tiers: [
      { key: "member", name: "Member", threshold: 0, badge: { label: "Member", color: "#6b7280" } },
      { key: "silver", name: "Silver", threshold: 500, badge: { label: "Silver", color: "#9ca3af" } },
      { key: "gold", name: "Gold", threshold: 2000, badge: { label: "Gold", color: "#d4a017" } },
    ],
    rules: [
      {
        id: "base",
        name: "1 point per currency unit",
        trigger: "order.paid",
        reward: { points: { perUnit: 1 }, growth: { perUnit: 1 } },
      },
    ],
  };
}
