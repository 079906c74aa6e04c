import { Badge, Button, Heading, Table, Text } from "@medusajs/ui";
import type { UseQueryResult } from "@tanstack/react-query";
import { useState } from "react";
import { type DataExportSummary, exportSource } from "../../shared/data-exports.ts";
import { ApiErrorAlert } from "../parts/api-error.tsx";
import { formatDateTime } from "../parts/format.ts";
import { AdminLink } from "../parts/link.tsx";
import { TextField } from "../parts/text-field.tsx";
import { loyaltyPaths } from "../paths.ts";

/** The kept exports, newest first, optionally one customer's; each opens below. */
export function ExportListSection({
  exports,
  customerFilter,
  onFilter,
  selected,
  onSelect,
}: {
  exports: UseQueryResult<DataExportSummary[], unknown>;
  customerFilter: string | null;
  onFilter: (customerId: string | null) => void;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const [filter, setFilter] = useState(customerFilter ?? "");
  const rows = exports.data ?? [];
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <Heading level="h2">Exports</Heading>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          onFilter(filter.trim() === "" ? null : filter.trim());
        }}
      >
        <TextField
          className="flex min-w-[18rem] flex-1 flex-col gap-y-2"
          label="Show one customer's"
          value={filter}
          onChange={setFilter}
          placeholder="Customer id"
        />
        <Button type="submit" variant="secondary">
          Show
        </Button>
        {customerFilter ? (
          <Button
            type="button"
            variant="transparent"
            onClick={() => {
              setFilter("");
              onFilter(null);
            }}
          >
            Show all
          </Button>
        ) : null}
      </form>
      {exports.isError ? (
        <ApiErrorAlert error={exports.error} title="Could not load the exports." />
      ) : exports.isPending ? (
        <Text size="small" className="text-ui-fg-subtle" aria-busy="true">
          Loading exports…
        </Text>
      ) : rows.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle" data-empty-state="">
          {customerFilter ? `No exports of ${customerFilter}.` : "No exports yet."}
        </Text>
      ) : (
        <Table aria-busy={exports.isFetching} data-export-list="">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Made</Table.HeaderCell>
              <Table.HeaderCell>Customer</Table.HeaderCell>
              <Table.HeaderCell>From</Table.HeaderCell>
              <Table.HeaderCell>
                <span className="sr-only">Open</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((e) => (
              <Table.Row key={e.id} data-export={e.id}>
                <Table.Cell>{formatDateTime(e.createdAt)}</Table.Cell>
                <Table.Cell className="[overflow-wrap:anywhere]">
                  <AdminLink to={loyaltyPaths.member(e.customerId)}>{e.customerId}</AdminLink>
                </Table.Cell>
                <Table.Cell>{e.requestRef ? <Badge size="small">{exportSource(e)}</Badge> : exportSource(e)}</Table.Cell>
                <Table.Cell className="text-right">
                  <Button
                    type="button"
                    size="small"
                    variant={selected === e.id ? "primary" : "secondary"}
                    aria-pressed={selected === e.id}
                    aria-label={`View the export of ${e.customerId} made ${formatDateTime(e.createdAt)}`}
                    onClick={() => onSelect(e.id)}
                  >
                    View
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  );
}
