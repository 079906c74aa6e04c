import { BlockStack, Card, Text } from "@shopify/polaris";
import { formatNumber } from "../../../shared/format.ts";
import type { Insight } from "../../../shared/insight.ts";
import { formatLongMoney, formatShare } from "../../../shared/long.ts";

/** The 20/80 view: how much of members' sales the top fifth by spend brings. */
export function TopShareCard({ topShare: t, currency }: { topShare: Insight["topShare"]; currency: string }) {
  return (
    <Card>
      <div data-top-share>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Top 20% of members
          </Text>
          <Text as="p" variant="headingLg">
            {formatShare(t.share)} of members' sales
          </Text>
          <Text as="p" tone="subdued">
            {formatNumber(t.topMembers)} of {formatNumber(t.membersWithSales)} members with sales bought{" "}
            {formatLongMoney(t.topSales, currency)} of {formatLongMoney(t.totalSales, currency)}.
          </Text>
        </BlockStack>
      </div>
    </Card>
  );
}
