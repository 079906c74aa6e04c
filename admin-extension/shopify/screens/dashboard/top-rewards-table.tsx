import { Text } from "@shopify/polaris";
import { formatNumber } from "../../../shared/format.ts";
import type { RewardUse } from "../../../shared/types.ts";
import { FitTable } from "../program-form/fit-table.tsx";

/** The rewards members redeemed most in the period, as the engine ranked them. */
export function TopRewardsTable({ rewards }: { rewards: RewardUse[] }) {
  if (rewards.length === 0)
    return (
      <Text as="p" tone="subdued">
        No rewards redeemed in this period.
      </Text>
    );
  return (
    <FitTable
      label="Top rewards"
      rows={rewards}
      rowKey={(r) => r.rewardId}
      columns={[
        { header: "Reward", cell: (r) => r.name, title: (r) => `${r.name} (${r.rewardId})`, width: "50%" },
        { header: "Redemptions", cell: (r) => formatNumber(r.redemptions), numeric: true },
        { header: "Points spent", cell: (r) => formatNumber(r.points), numeric: true },
      ]}
    />
  );
}
