import { BlockStack, Button, Card, Text } from "@shopify/polaris";
import { formatNumber } from "../../../shared/format.ts";
import { type Insight, type Segment, segmentDescription, segmentRows } from "../../../shared/insight.ts";
import { formatLongMoney } from "../../../shared/long.ts";
import { FitTable } from "../program-form/fit-table.tsx";

export interface SegmentsCardProps {
  insight: Insight;
  currency: string;
  selected: Segment;
  onSelect: (segment: Segment) => void;
}

/** Members and lifetime sales per segment; a segment's name lists its members below. */
export function SegmentsCard({ insight, currency, selected, onSelect }: SegmentsCardProps) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Segments
        </Text>
        <FitTable
          label="Members and sales per segment"
          rows={segmentRows(insight.segments)}
          rowKey={(r) => r.segment}
          columns={[
            {
              header: "Segment",
              cell: (r) => (
                <Button
                  variant="plain"
                  onClick={() => onSelect(r.segment)}
                  pressed={r.segment === selected}
                  accessibilityLabel={`List ${r.label}`}
                >
                  {r.label}
                </Button>
              ),
              title: (r) => segmentDescription(r.segment),
              width: "34%",
            },
            { header: "Members", cell: (r) => formatNumber(r.members), numeric: true },
            { header: "Lifetime sales", cell: (r) => formatLongMoney(r.sales, currency), numeric: true },
          ]}
        />
      </BlockStack>
    </Card>
  );
}
