import { Badge, BlockStack, Button, Card, Checkbox, InlineStack, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { toAdminApiError } from "../../../shared/client.ts";
import { formatDateTime, formatNumber } from "../../../shared/format.ts";
import type { DeliveryStatus, WebhookDelivery, WebhookEndpoint } from "../../../shared/types.ts";
import { useReplayWebhookDeliveries, useWebhookDeliveries } from "../../../shared/webhook-hooks.ts";
import { DELIVERY_FILTERS, deliveryStatusLabel, lastAnswer, replayable } from "../../../shared/webhooks.ts";
import { ConfirmModal } from "../../app/modal.tsx";
import { toast } from "../../app/toast.ts";
import { ApiErrorBanner } from "../program-form/api-error-banner.tsx";
import { FitTable } from "../program-form/fit-table.tsx";

const ALL = "ALL";
const tones: Partial<Record<DeliveryStatus, "critical" | "success" | "attention">> = {
  DEAD: "critical",
  DELIVERED: "success",
  RETRYING: "attention",
};

/** The delivery log of one endpoint (or all), filtered by status; dead letters can be selected and replayed. */
export function DeliveryLog({
  endpoints,
  endpointId,
  onEndpoint,
}: {
  endpoints: WebhookEndpoint[];
  endpointId: string | null;
  onEndpoint: (id: string | null) => void;
}) {
  const [status, setStatus] = useState<string>(ALL);
  const deliveries = useWebhookDeliveries(endpointId, status === ALL ? null : (status as DeliveryStatus));
  const replay = useReplayWebhookDeliveries();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [asking, setAsking] = useState(false);
  const rows = (deliveries.data as WebhookDelivery[] | undefined) ?? [];
  const chosen = replayable(selected, rows);
  const urlOf = (id: string) => endpoints.find((e) => e.id === id)?.url ?? id;

  function pick(id: string, on: boolean) {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function confirm() {
    setAsking(false);
    try {
      const count = await replay.mutateAsync(chosen);
      setSelected(new Set());
      toast(count === 1 ? "1 delivery put back in line" : `${formatNumber(count)} deliveries put back in line`);
    } catch (e) {
      toast(`Nothing was replayed: ${toAdminApiError(e).message}`, { isError: true });
    }
  }

  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="end" gap="300" wrap>
          <Text as="h2" variant="headingMd">
            Delivery log
          </Text>
          <InlineStack gap="300" wrap>
            <Select
              label="Endpoint"
              value={endpointId ?? ALL}
              options={[{ value: ALL, label: "All endpoints" }, ...endpoints.map((e) => ({ value: e.id, label: e.url }))]}
              onChange={(v) => {
                setSelected(new Set());
                onEndpoint(v === ALL ? null : v);
              }}
            />
            <Select
              label="Status"
              value={status}
              options={DELIVERY_FILTERS}
              onChange={(v) => {
                setSelected(new Set());
                setStatus(v);
              }}
            />
          </InlineStack>
        </InlineStack>
        {deliveries.isError ? (
          <ApiErrorBanner error={deliveries.error} title="Could not load the deliveries." />
        ) : deliveries.isPending ? (
          <Text as="p" tone="subdued">
            Loading deliveries…
          </Text>
        ) : rows.length === 0 ? (
          <Text as="p" tone="subdued">
            {status === "DEAD" ? "No dead letters." : "No deliveries here yet."}
          </Text>
        ) : (
          <FitTable
            label="Deliveries"
            rows={rows}
            rowKey={(d) => d.id}
            busy={deliveries.isFetching}
            columns={[
              {
                header: "Select",
                width: "4.5rem",
                cell: (d) =>
                  d.status === "DEAD" ? (
                    <Checkbox
                      label={`Select ${d.topic} ${d.id}`}
                      labelHidden
                      checked={selected.has(d.id)}
                      onChange={(on) => pick(d.id, on)}
                    />
                  ) : null,
              },
              { header: "Created", cell: (d) => formatDateTime(d.createdAt) },
              { header: "Event", cell: (d) => d.topic, title: (d) => `${d.topic} · ${d.eventId}` },
              { header: "Endpoint", cell: (d) => urlOf(d.endpointId), title: (d) => urlOf(d.endpointId), width: "20%" },
              { header: "Member", cell: (d) => d.customerId ?? "—" },
              {
                header: "Status",
                cell: (d) => (
                  <span data-delivery-status={d.status}>
                    <Badge tone={tones[d.status]}>{deliveryStatusLabel(d.status)}</Badge>
                  </span>
                ),
              },
              { header: "Attempts", cell: (d) => formatNumber(d.attempts), numeric: true },
              { header: "Last answer", cell: (d) => lastAnswer(d), title: (d) => lastAnswer(d), width: "18%" },
            ]}
          />
        )}
        <InlineStack gap="200">
          <Button disabled={chosen.length === 0} loading={replay.isPending} onClick={() => setAsking(true)}>
            {`Replay selected (${chosen.length})`}
          </Button>
          {deliveries.hasNextPage ? (
            <Button loading={deliveries.isFetchingNextPage} onClick={() => void deliveries.fetchNextPage()}>
              Load more
            </Button>
          ) : null}
        </InlineStack>
      </BlockStack>
      <ConfirmModal
        open={asking}
        title="Replay dead letters"
        confirm="Replay"
        busy={replay.isPending}
        onConfirm={() => void confirm()}
        onClose={() => setAsking(false)}
      >
        <Text as="p">
          {chosen.length === 1 ? "This delivery is" : `These ${chosen.length} deliveries are`} sent again, with their original event ids, so
          receivers can skip what they already have.
        </Text>
      </ConfirmModal>
    </Card>
  );
}
