import { Badge, Button, Heading, Table, Text, toast, usePrompt } from "@medusajs/ui";
import { useId, useState } from "react";
import type { DeliveryStatus, WebhookDelivery, WebhookEndpoint } from "../../shared/types.ts";
import { useReplayWebhookDeliveries, useWebhookDeliveries } from "../../shared/webhook-hooks.ts";
import { DELIVERY_FILTERS, deliveryStatusLabel, lastAnswer, replayable } from "../../shared/webhooks.ts";
import { ApiErrorAlert } from "../parts/api-error.tsx";
import { CheckboxField } from "../parts/checkbox-field.tsx";
import { formatDateTime, formatNumber } from "../parts/format.ts";
import { SelectField } from "../parts/select-field.tsx";

const ALL = "ALL";
const colors: Partial<Record<DeliveryStatus, "red" | "green" | "orange">> = { DEAD: "red", DELIVERED: "green", RETRYING: "orange" };

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
  const headingId = useId();
  const [status, setStatus] = useState<string>(ALL);
  const deliveries = useWebhookDeliveries(endpointId, status === ALL ? null : (status as DeliveryStatus));
  const replay = useReplayWebhookDeliveries();
  const prompt = usePrompt();
  const [selected, setSelected] = useState<Set<string>>(new Set());
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

  async function replaySelected() {
    const yes = await prompt({
      title: chosen.length === 1 ? "Replay this delivery?" : `Replay ${chosen.length} deliveries?`,
      description: "They are sent again with their original event ids, so receivers can skip what they already have.",
      confirmText: "Replay",
      cancelText: "Cancel",
      variant: "confirmation",
    });
    if (!yes) return;
    replay.mutate(chosen, {
      onSuccess: (count) => {
        setSelected(new Set());
        toast.success(`${formatNumber(count)} ${count === 1 ? "delivery" : "deliveries"} put back in line`);
      },
    });
  }

  return (
    <section className="flex flex-col gap-y-3 py-4" aria-labelledby={headingId}>
      <div className="flex flex-wrap items-end justify-between gap-4 px-6">
        <Heading level="h2" id={headingId}>
          Delivery log
        </Heading>
        <div className="flex flex-wrap gap-3">
          <SelectField
            className="flex min-w-[14rem] flex-col gap-y-2"
            label="Endpoint"
            value={endpointId ?? ALL}
            options={[{ value: ALL, label: "All endpoints" }, ...endpoints.map((e) => ({ value: e.id, label: e.url }))]}
            onChange={(v) => {
              setSelected(new Set());
              onEndpoint(v === ALL ? null : v);
            }}
          />
          <SelectField
            className="flex min-w-[10rem] flex-col gap-y-2"
            label="Status"
            value={status}
            options={DELIVERY_FILTERS}
            onChange={(v) => {
              setSelected(new Set());
              setStatus(v);
            }}
          />
        </div>
      </div>
      {replay.isError ? (
        <div className="px-6">
          <ApiErrorAlert error={replay.error} title="Nothing was replayed." />
        </div>
      ) : null}
      {deliveries.isError ? (
        <div className="px-6">
          <ApiErrorAlert error={deliveries.error} title="Could not load the deliveries." />
        </div>
      ) : deliveries.isPending ? (
        <Text size="small" className="px-6 text-ui-fg-subtle" aria-busy="true">
          Loading deliveries…
        </Text>
      ) : rows.length === 0 ? (
        <Text size="small" className="px-6 text-ui-fg-subtle" data-empty-state="">
          {status === "DEAD" ? "No dead letters." : "No deliveries here yet."}
        </Text>
      ) : (
        <Table aria-label="Deliveries" aria-busy={deliveries.isFetching}>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">
                <span className="sr-only">Select</span>
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">Created</Table.HeaderCell>
              <Table.HeaderCell scope="col">Event</Table.HeaderCell>
              <Table.HeaderCell scope="col">Endpoint</Table.HeaderCell>
              <Table.HeaderCell scope="col">Member</Table.HeaderCell>
              <Table.HeaderCell scope="col">Status</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="text-right">
                Attempts
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">Last answer</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((d) => (
              <Table.Row key={d.id} className="align-top" data-delivery={d.id}>
                <Table.Cell className="py-2">
                  {d.status === "DEAD" ? (
                    <span className="[&_label]:sr-only">
                      <CheckboxField label={`Select ${d.topic} ${d.id}`} checked={selected.has(d.id)} onChange={(on) => pick(d.id, on)} />
                    </span>
                  ) : null}
                </Table.Cell>
                <Table.Cell className="whitespace-nowrap py-2">
                  <time dateTime={d.createdAt}>{formatDateTime(d.createdAt)}</time>
                </Table.Cell>
                <Table.Cell className="py-2">{d.topic}</Table.Cell>
                <Table.Cell className="py-2">
                  <span className="block max-w-[14rem] truncate" title={urlOf(d.endpointId)}>
                    {urlOf(d.endpointId)}
                  </span>
                </Table.Cell>
                <Table.Cell className="py-2">{d.customerId ?? "—"}</Table.Cell>
                <Table.Cell className="py-2" data-delivery-status={d.status}>
                  <Badge size="small" color={colors[d.status] ?? "grey"}>
                    {deliveryStatusLabel(d.status)}
                  </Badge>
                </Table.Cell>
                <Table.Cell className="py-2 text-right tabular-nums">{formatNumber(d.attempts)}</Table.Cell>
                <Table.Cell className="py-2">
                  <span className="line-clamp-2 [overflow-wrap:anywhere]" title={lastAnswer(d)}>
                    {lastAnswer(d)}
                  </span>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <div className="flex gap-2 px-6">
        <Button
          type="button"
          size="small"
          variant="secondary"
          disabled={chosen.length === 0}
          isLoading={replay.isPending}
          onClick={() => void replaySelected()}
        >
          {`Replay selected (${chosen.length})`}
        </Button>
        {deliveries.hasNextPage ? (
          <Button
            type="button"
            size="small"
            variant="secondary"
            isLoading={deliveries.isFetchingNextPage}
            onClick={() => void deliveries.fetchNextPage()}
          >
            Load more
          </Button>
        ) : null}
      </div>
    </section>
  );
}
