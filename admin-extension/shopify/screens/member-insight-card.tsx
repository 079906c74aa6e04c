import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { formatNumber } from "../../shared/format.ts";
import { rfmText, segmentDescription, segmentLabel, useMemberInsight } from "../../shared/insight.ts";
import { formatLongMoney } from "../../shared/long.ts";
import { formatDate } from "../app/format.ts";

/** The member's RFM scores and segment (as last computed), beside their balances. */
export function MemberInsightCard({ customerId, currency }: { customerId: string; currency: string }) {
  const insight = useMemberInsight(customerId);
  const m = insight.data;
  if (insight.isError || !m) return null;
  return (
    <Card>
      <section aria-label="Segment" data-member-segment={m.segment}>
        <BlockStack gap="200">
          <InlineStack align="space-between" blockAlign="center" gap="200">
            <Text as="h2" variant="headingMd">
              Segment
            </Text>
            <Badge tone="info">{segmentLabel(m.segment)}</Badge>
          </InlineStack>
          <Text as="p" tone="subdued">
            {segmentDescription(m.segment)}
          </Text>
          <Text as="p">{rfmText(m)}</Text>
          <Text as="p">
            {formatNumber(m.orders)} {m.orders === 1 ? "order" : "orders"}, {formatLongMoney(m.lifetimeValue, currency)} lifetime
            {m.lastOrderAt ? `, last on ${formatDate(m.lastOrderAt)}` : ""}.
          </Text>
          {m.computedAt ? (
            <Text as="p" variant="bodySm" tone="subdued">
              Computed {formatDate(m.computedAt)}
            </Text>
          ) : null}
        </BlockStack>
      </section>
    </Card>
  );
}
