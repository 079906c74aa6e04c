import { Badge, Text } from "@medusajs/ui";
import { formatNumber } from "../../shared/format.ts";
import { rfmText, segmentDescription, segmentLabel, useMemberInsight } from "../../shared/insight.ts";
import { formatLongMoney } from "../../shared/long.ts";
import { formatDate } from "../parts/format.ts";

/** The member's RFM segment and scores (as last computed); nothing while unknown or before the first computation fails. */
export function MemberSegment({ customerId, currency }: { customerId: string; currency: string }) {
  const insight = useMemberInsight(customerId);
  const m = insight.data;
  if (insight.isError || !m) return null;
  return (
    <section className="flex flex-col gap-y-1 px-6 py-4" aria-label="Segment" data-member-segment={m.segment}>
      <div className="flex flex-wrap items-center gap-2">
        <Text size="small" weight="plus">
          Segment
        </Text>
        <Badge size="2xsmall" color="blue">
          {segmentLabel(m.segment)}
        </Badge>
        <Text size="small" className="text-ui-fg-subtle">
          {rfmText(m)}
        </Text>
      </div>
      <Text size="small" className="text-ui-fg-subtle">
        {segmentDescription(m.segment)} {formatNumber(m.orders)} {m.orders === 1 ? "order" : "orders"},{" "}
        {formatLongMoney(m.lifetimeValue, currency)} lifetime
        {m.lastOrderAt ? `, last on ${formatDate(m.lastOrderAt)}` : ""}.
      </Text>
    </section>
  );
}
