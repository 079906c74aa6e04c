import { BlockStack, Button, Card, Select, Text } from "@shopify/polaris";
import { formatNumber } from "../../../shared/format.ts";
import { rfmText, SEGMENTS, type Segment, segmentDescription, useMembersInSegment } from "../../../shared/insight.ts";
import { formatLongMoney } from "../../../shared/long.ts";
import { ApiErrorBanner } from "../../app/api-error.tsx";
import { formatDate } from "../../app/format.ts";
import { AppLink, memberPath } from "../../app/router.tsx";
import { FitTable } from "../program-form/fit-table.tsx";

export interface SegmentMembersProps {
  segment: Segment;
  onSegmentChange: (segment: Segment) => void;
  tiers: { key: string; name: string }[];
  currency: string;
}

/** One segment's members, each linking to the member page, more on request. */
export function SegmentMembers({ segment, onSegmentChange, tiers, currency }: SegmentMembersProps) {
  const members = useMembersInSegment(segment);
  const rows = members.data ?? [];
  const tierName = (key: string) => tiers.find((t) => t.key === key)?.name ?? key;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Members in a segment
        </Text>
        <div style={{ maxWidth: "16rem" }}>
          <Select
            label="Segment"
            options={SEGMENTS.map((s) => ({ label: s.label, value: s.segment }))}
            value={segment}
            onChange={(v) => onSegmentChange(v as Segment)}
            helpText={segmentDescription(segment)}
          />
        </div>
        {members.isError ? (
          <ApiErrorBanner error={members.error} onRetry={() => void members.refetch()} />
        ) : members.isPending ? (
          <Text as="p" tone="subdued">
            Loading the members…
          </Text>
        ) : rows.length === 0 ? (
          <Text as="p" tone="subdued">
            No members in this segment.
          </Text>
        ) : (
          <>
            <FitTable
              label={`Members in ${SEGMENTS.find((s) => s.segment === segment)?.label ?? segment}`}
              busy={members.isPlaceholderData}
              rows={rows}
              rowKey={(m) => m.customerId}
              columns={[
                { header: "Customer", cell: (m) => <AppLink to={memberPath(m.customerId)}>{m.customerId}</AppLink>, width: "24%" },
                { header: "Tier", cell: (m) => tierName(m.tier) },
                { header: "RFM", cell: (m) => rfmText(m) },
                { header: "Orders", cell: (m) => formatNumber(m.orders), numeric: true },
                { header: "Lifetime value", cell: (m) => formatLongMoney(m.lifetimeValue, currency), numeric: true },
                { header: "Last order", cell: (m) => formatDate(m.lastOrderAt), numeric: true },
              ]}
            />
            {members.hasNextPage ? (
              <div>
                <Button onClick={() => void members.fetchNextPage()} loading={members.isFetchingNextPage}>
                  Show more
                </Button>
              </div>
            ) : null}
          </>
        )}
      </BlockStack>
    </Card>
  );
}
