import { BlockStack, Button, Card, DataTable, InlineStack, Layout, Text } from "@shopify/polaris";
import { useState } from "react";
import { auditSummaryLine } from "../../shared/activity-summary.ts";
import { toAdminApiError } from "../../shared/client.ts";
import { useAudit } from "../../shared/hooks.ts";
import { useDeadLetters, useReplayDeadLetters } from "../../shared/screen-hooks.ts";
import { ApiErrorBanner } from "../app/api-error.tsx";
import { formatDateTime, formatNumber } from "../app/format.ts";
import { ConfirmModal } from "../app/modal.tsx";
import { ScreenFrame } from "../app/screen-frame.tsx";
import { toast } from "../app/toast.ts";

const wrap = { overflowWrap: "anywhere", whiteSpace: "normal" } as const;

function AuditLog() {
  const audit = useAudit(50);
  if (audit.error) return <ApiErrorBanner error={audit.error} onRetry={() => void audit.refetch()} />;
  const entries = audit.data ?? [];
  return (
    <Card padding="0">
      <div style={{ padding: "16px 16px 0" }}>
        <Text as="h2" variant="headingMd">
          Configuration changes
        </Text>
      </div>
      <DataTable
        columnContentTypes={["text", "text", "text"]}
        headings={["When", "Who", "What changed"]}
        rows={entries.map((e) => [
          formatDateTime(e.at),
          <span key="who" style={wrap}>
            {e.actor}
          </span>,
          <span key="what" style={wrap}>
            {auditSummaryLine(e)}
          </span>,
        ])}
        footerContent={audit.isPending ? "Loading…" : entries.length === 0 ? "No changes yet." : `The last ${entries.length} changes`}
      />
    </Card>
  );
}

/** Deliveries that failed every attempt: what failed and why, and replaying them (after a confirmation). */
function DeadLetters() {
  const letters = useDeadLetters(50);
  const replay = useReplayDeadLetters();
  const [asked, setAsked] = useState<string[] | null>(null);
  if (letters.error) return <ApiErrorBanner error={letters.error} onRetry={() => void letters.refetch()} />;
  const rows = letters.data ?? [];

  async function confirm() {
    if (!asked) return;
    try {
      const count = await replay.mutateAsync(asked);
      toast(count === 1 ? "1 delivery put back in line" : `${formatNumber(count)} deliveries put back in line`);
    } catch (error) {
      toast(`Nothing was replayed: ${toAdminApiError(error).message}`, { isError: true });
    }
    setAsked(null);
  }

  return (
    <Card padding="0">
      <div style={{ padding: "16px 16px 0" }}>
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Failed deliveries
          </Text>
          {rows.length > 0 && <Button onClick={() => setAsked(rows.map((r) => r.id))}>{`Replay all (${rows.length})`}</Button>}
        </InlineStack>
      </div>
      <DataTable
        columnContentTypes={["text", "text", "numeric", "text", "text"]}
        headings={["Received", "Delivery", "Attempts", "Last error", ""]}
        rows={rows.map((r) => [
          formatDateTime(r.receivedAt),
          <span key="what" style={wrap}>
            {`${r.source} ${r.topic}`}
            <br />
            <Text as="span" tone="subdued">
              {r.deliveryKey}
            </Text>
          </span>,
          formatNumber(r.attempts),
          <span key="error" style={wrap}>
            {r.error}
          </span>,
          <Button key="replay" size="slim" onClick={() => setAsked([r.id])} accessibilityLabel={`Replay ${r.topic} ${r.deliveryKey}`}>
            Replay
          </Button>,
        ])}
        footerContent={letters.isPending ? "Loading…" : rows.length === 0 ? "No failed deliveries." : undefined}
      />
      <ConfirmModal
        open={asked !== null}
        title="Replay deliveries"
        confirm="Replay"
        busy={replay.isPending}
        onConfirm={() => void confirm()}
        onClose={() => setAsked(null)}
      >
        <Text as="p">
          {asked?.length === 1 ? "This delivery goes" : `These ${asked?.length ?? 0} deliveries go`} back in line: the worker applies
          {asked?.length === 1 ? " it" : " them"} again. Kinship applies each event once, so nothing is counted twice.
        </Text>
      </ConfirmModal>
    </Card>
  );
}

/** What happened to the program: configuration changes (who, when, what) and deliveries that failed. */
export function ActivityScreen() {
  return (
    <ScreenFrame title="Activity">
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <AuditLog />
            <DeadLetters />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </ScreenFrame>
  );
}
