import { Badge, BlockStack, Button, Card, DataTable, Text } from "@shopify/polaris";
import type { CSSProperties } from "react";
import { useMemberLedger } from "../../shared/hooks.ts";
import { ApiErrorBanner } from "../app/api-error.tsx";
import { formatDateTime, formatDelta } from "../app/format.ts";

/** One line, cut to the column with an ellipsis; the whole text is in its title (hover, screen readers). */
const clipped: CSSProperties = { display: "block", maxWidth: "22ch", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" };

function Clipped({ text }: { text: string | null | undefined }) {
  if (!text)
    return (
      <Text as="span" tone="subdued">
        —
      </Text>
    );
  return (
    <span style={clipped} title={text}>
      {text}
    </span>
  );
}

/** The member's ledger, newest first, a page at a time; long reasons and order ids are clipped to fit the card. */
export function MemberLedger({ customerId }: { customerId: string }) {
  const ledger = useMemberLedger(customerId);
  const lines = ledger.data ?? [];
  return (
    <Card padding="0">
      <BlockStack gap="200">
        <div style={{ padding: "16px 16px 0" }}>
          <Text as="h2" variant="headingMd">
            Ledger
          </Text>
        </div>
        {ledger.error ? (
          <div style={{ padding: "0 16px 16px" }}>
            <ApiErrorBanner error={ledger.error} onRetry={() => void ledger.refetch()} />
          </div>
        ) : (
          <DataTable
            columnContentTypes={["text", "text", "numeric", "numeric", "text", "text"]}
            headings={["When", "Kind", "Available", "Pending", "Reason", "Order"]}
            rows={lines.map((l) => [
              formatDateTime(l.occurredAt),
              <Badge key="kind">{l.kind}</Badge>,
              formatDelta(l.available),
              formatDelta(l.pending),
              <Clipped key="reason" text={[l.reason, l.actor ? `by ${l.actor}` : null].filter(Boolean).join(" ")} />,
              <Clipped key="order" text={l.orderId} />,
            ])}
            footerContent={
              ledger.isPending
                ? "Loading the ledger…"
                : lines.length === 0
                  ? "No ledger lines yet."
                  : `${lines.length} lines${ledger.hasNextPage ? " so far" : ""}`
            }
          />
        )}
        {ledger.hasNextPage && (
          <div style={{ padding: "0 16px 16px" }}>
            <Button onClick={() => void ledger.fetchNextPage()} loading={ledger.isFetchingNextPage}>
              Load more
            </Button>
          </div>
        )}
      </BlockStack>
    </Card>
  );
}
