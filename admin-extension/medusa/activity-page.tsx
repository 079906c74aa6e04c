import { Button, Container, Heading, Table, Text, toast, usePrompt } from "@medusajs/ui";
import { useId } from "react";
import { summarizeAudit } from "../shared/activity-summary.ts";
import { useAudit } from "../shared/hooks.ts";
import { useDeadLetters, useReplayDeadLetters } from "../shared/screen-hooks.ts";
import type { AuditEntry, DeadLetter } from "../shared/types.ts";
import { ApiErrorAlert } from "./parts/api-error.tsx";
import { formatDateTime, formatNumber } from "./parts/format.ts";

/** What changed in the program and who changed it, and the deliveries that failed every attempt, with their replay. */
export function ActivityPage() {
  return (
    <div className="flex flex-col gap-y-3">
      <AuditLog />
      <DeadLetters />
    </div>
  );
}

function AuditLog() {
  const headingId = useId();
  const audit = useAudit(50);
  return (
    <Container className="divide-y p-0" role="region" aria-labelledby={headingId}>
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1" id={headingId}>
          Loyalty activity
        </Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Every change to the program's settings, tier overrides and code imports, newest first.
        </Text>
      </div>
      <div className="py-4">
        {audit.isPending ? (
          <Text size="small" className="px-6 text-ui-fg-subtle" aria-busy="true">
            Loading the audit log…
          </Text>
        ) : audit.isError ? (
          <div className="px-6">
            <ApiErrorAlert error={audit.error} title="Could not load the audit log." />
          </div>
        ) : audit.data.length === 0 ? (
          <Text size="small" className="px-6 text-ui-fg-subtle" data-empty-state="">
            Nothing has changed yet.
          </Text>
        ) : (
          <Table aria-label="Audit log, newest first">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">When</Table.HeaderCell>
                <Table.HeaderCell scope="col">Who</Table.HeaderCell>
                <Table.HeaderCell scope="col">What changed</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {audit.data.map((entry, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id and the list is replaced whole
                <AuditRow key={i} entry={entry} />
              ))}
            </Table.Body>
          </Table>
        )}
      </div>
    </Container>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { title, changes } = summarizeAudit(entry);
  return (
    <Table.Row className="align-top" data-action={entry.action}>
      <Table.Cell className="whitespace-nowrap py-2">
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </Table.Cell>
      <Table.Cell className="py-2">
        <span className="block max-w-[12rem] truncate" title={entry.actor}>
          {entry.actor}
        </span>
      </Table.Cell>
      <Table.Cell className="py-2">
        <Text size="small" weight="plus" className="[overflow-wrap:anywhere]">
          {title}
        </Text>
        {changes.length > 0 ? (
          <ul className="list-disc pl-5 [overflow-wrap:anywhere]">
            {changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        ) : null}
      </Table.Cell>
    </Table.Row>
  );
}

function DeadLetters() {
  const headingId = useId();
  const letters = useDeadLetters();
  const replay = useReplayDeadLetters();
  const prompt = usePrompt();

  async function replayAll(ids: string[]) {
    const confirmed = await prompt({
      title: ids.length === 1 ? "Replay this delivery?" : `Replay ${ids.length} deliveries?`,
      description: "They go back in line and are applied once; deliveries that already went through change nothing.",
      confirmText: "Replay",
      cancelText: "Cancel",
    });
    if (!confirmed) return;
    replay.mutate(ids, {
      onSuccess: (count) => toast.success(`${formatNumber(count)} ${count === 1 ? "delivery" : "deliveries"} put back in line`),
    });
  }

  const rows = letters.data ?? [];
  return (
    <Container className="divide-y p-0" role="region" aria-labelledby={headingId}>
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2" id={headingId}>
            Failed deliveries
          </Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Events from your store that failed every attempt. Fix the cause, then replay them.
          </Text>
        </div>
        {rows.length > 0 ? (
          <Button
            type="button"
            size="small"
            variant="secondary"
            isLoading={replay.isPending}
            onClick={() => void replayAll(rows.map((r) => r.id))}
          >
            Replay all
          </Button>
        ) : null}
      </div>
      <div className="py-4">
        {replay.isError ? (
          <div className="px-6 pb-4">
            <ApiErrorAlert error={replay.error} title="Nothing was replayed." />
          </div>
        ) : null}
        {letters.isPending ? (
          <Text size="small" className="px-6 text-ui-fg-subtle" aria-busy="true">
            Loading failed deliveries…
          </Text>
        ) : letters.isError ? (
          <div className="px-6">
            <ApiErrorAlert error={letters.error} title="Could not load the failed deliveries." />
          </div>
        ) : rows.length === 0 ? (
          <Text size="small" className="px-6 text-ui-fg-subtle" data-empty-state="">
            No failed deliveries: every event went through.
          </Text>
        ) : (
          <DeadLetterTable rows={rows} busy={replay.isPending} onReplay={(id) => void replayAll([id])} />
        )}
      </div>
    </Container>
  );
}

function DeadLetterTable({ rows, busy, onReplay }: { rows: readonly DeadLetter[]; busy: boolean; onReplay: (id: string) => void }) {
  return (
    <Table aria-label="Failed deliveries">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell scope="col">Received</Table.HeaderCell>
          <Table.HeaderCell scope="col">Event</Table.HeaderCell>
          <Table.HeaderCell scope="col" className="text-right">
            Attempts
          </Table.HeaderCell>
          <Table.HeaderCell scope="col">Error</Table.HeaderCell>
          <Table.HeaderCell scope="col">
            <span className="sr-only">Actions</span>
          </Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((row) => (
          <Table.Row key={row.id} className="align-top" data-dead-letter={row.id}>
            <Table.Cell className="whitespace-nowrap py-2">
              <time dateTime={row.receivedAt}>{formatDateTime(row.receivedAt)}</time>
            </Table.Cell>
            <Table.Cell className="py-2">
              <span className="block">{row.topic}</span>
              <span className="block max-w-[12rem] truncate text-ui-fg-subtle" title={`${row.source} · ${row.deliveryKey}`}>
                {row.source} · {row.deliveryKey}
              </span>
            </Table.Cell>
            <Table.Cell className="py-2 text-right tabular-nums">{formatNumber(row.attempts)}</Table.Cell>
            <Table.Cell className="py-2">
              <span className="line-clamp-3 [overflow-wrap:anywhere]" title={row.error ?? undefined}>
                {row.error ?? "—"}
              </span>
            </Table.Cell>
            <Table.Cell className="py-2 text-right">
              <Button
                type="button"
                size="small"
                variant="transparent"
                disabled={busy}
                aria-label={`Replay ${row.topic} ${row.deliveryKey}`}
                onClick={() => onReplay(row.id)}
              >
                Replay
              </Button>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
