import { Button, Text } from "@medusajs/ui";
import { formatDate, formatNumber } from "../../shared/format.ts";
import { rfmText, type Segment, segmentDescription, segmentLabel, useMembersInSegment } from "../../shared/insight.ts";
import { formatLongMoney } from "../../shared/long.ts";
import { ApiErrorAlert } from "../parts/api-error.tsx";
import { AdminLink } from "../parts/link.tsx";
import { loyaltyPaths } from "../paths.ts";
import { FiguresTable } from "./figures-table.tsx";

/** One segment's members, each linking to their member page, more on request. */
export function SegmentMembersList({
  segment,
  tiers,
  currency,
}: {
  segment: Segment;
  tiers: { key: string; name: string }[];
  currency: string;
}) {
  const members = useMembersInSegment(segment);
  const rows = members.data ?? [];
  const tierName = (key: string) => tiers.find((t) => t.key === key)?.name ?? key;
  return (
    <>
      <Text size="small" className="text-ui-fg-subtle">
        {segmentDescription(segment)}
      </Text>
      {members.isError ? (
        <ApiErrorAlert error={members.error} title="Could not load the members." />
      ) : members.isPending ? (
        <Text size="small" className="text-ui-fg-subtle" aria-busy="true">
          Loading the members…
        </Text>
      ) : rows.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle" data-empty-state="">
          No members in this segment.
        </Text>
      ) : (
        <FiguresTable
          label={`Members in ${segmentLabel(segment)}`}
          busy={members.isPlaceholderData}
          rows={rows}
          rowKey={(m) => m.customerId}
          columns={[
            { header: "Customer", cell: (m) => <AdminLink to={loyaltyPaths.member(m.customerId)}>{m.customerId}</AdminLink> },
            { header: "Tier", cell: (m) => tierName(m.tier) },
            { header: "RFM", cell: (m) => rfmText(m) },
            { header: "Orders", cell: (m) => formatNumber(m.orders), numeric: true },
            { header: "Lifetime value", cell: (m) => formatLongMoney(m.lifetimeValue, currency), numeric: true },
            { header: "Last order", cell: (m) => (m.lastOrderAt ? formatDate(m.lastOrderAt) : "—"), numeric: true },
          ]}
        />
      )}
      {members.hasNextPage ? (
        <Button
          type="button"
          size="small"
          variant="secondary"
          isLoading={members.isFetchingNextPage}
          onClick={() => void members.fetchNextPage()}
        >
          Show more
        </Button>
      ) : null}
    </>
  );
}
