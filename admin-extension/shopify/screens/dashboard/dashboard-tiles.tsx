import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import { formatNumber } from "../../../shared/format.ts";
import { formatMoney } from "../../../shared/money.ts";
import type { Dashboard } from "../../../shared/types.ts";

function percent(rate: number): string {
  return new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 }).format(rate);
}

/** The headline figures as the engine answered them (formatted, never recomputed). */
export function DashboardTiles({ dashboard: d }: { dashboard: Dashboard }) {
  const tiles: { label: string; value: string; note?: string }[] = [
    { label: "Members", value: formatNumber(d.members) },
    { label: "Active members", value: formatNumber(d.activeMembers), note: "Any points activity in the period" },
    { label: "Outstanding points", value: formatNumber(d.outstandingPoints), note: "Available to spend" },
    { label: "Pending points", value: formatNumber(d.pendingPoints), note: "Not available yet" },
    {
      label: "Average order, members",
      value: formatMoney(d.memberOrders.averageOrderValue, d.currency),
      note: `Non-members: ${formatMoney(d.nonMemberOrders.averageOrderValue, d.currency)}`,
    },
    {
      label: "Repeat rate, members",
      value: percent(d.memberOrders.repeatRate),
      note: `Non-members: ${percent(d.nonMemberOrders.repeatRate)}`,
    },
  ];
  return (
    <InlineGrid columns={{ xs: 1, sm: 2, lg: 3 }} gap="400">
      {tiles.map((tile) => (
        <Card key={tile.label}>
          <dl style={{ margin: 0 }}>
            <BlockStack gap="100">
              <dt>
                <Text as="span" tone="subdued">
                  {tile.label}
                </Text>
              </dt>
              <dd style={{ margin: 0 }}>
                <BlockStack gap="100">
                  <Text as="span" variant="headingXl" numeric>
                    {tile.value}
                  </Text>
                  {tile.note ? (
                    <Text as="span" tone="subdued" variant="bodySm">
                      {tile.note}
                    </Text>
                  ) : null}
                </BlockStack>
              </dd>
            </BlockStack>
          </dl>
        </Card>
      ))}
    </InlineGrid>
  );
}
