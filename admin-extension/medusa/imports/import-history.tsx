import { Container, Heading, Table, Text } from "@medusajs/ui";
import { useId } from "react";
import { useImports } from "../../shared/import-hooks.ts";
import { importSourceLabel } from "../../shared/import-sources.ts";
import { ApiErrorAlert } from "../parts/api-error.tsx";
import { formatDateTime, formatNumber } from "../parts/format.ts";

/** Applied imports, newest first. */
export function ImportHistory() {
  const headingId = useId();
  const imports = useImports();
  const runs = imports.data ?? [];
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" role="region" aria-labelledby={headingId}>
      <Heading level="h2" id={headingId}>
        Applied imports
      </Heading>
      {imports.isError ? (
        <ApiErrorAlert error={imports.error} title="Could not load the imports." />
      ) : imports.isPending ? (
        <Text size="small" className="text-ui-fg-subtle" aria-busy="true">
          Loading imports…
        </Text>
      ) : runs.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          No imports yet.
        </Text>
      ) : (
        <Table aria-label="Applied imports" aria-busy={imports.isFetching}>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">When</Table.HeaderCell>
              <Table.HeaderCell scope="col">From</Table.HeaderCell>
              <Table.HeaderCell scope="col">File</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="text-right">
                Rows
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="text-right">
                Members
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="text-right">
                Points
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">By</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {runs.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell>{formatDateTime(r.createdAt)}</Table.Cell>
                <Table.Cell>{importSourceLabel(r.source)}</Table.Cell>
                <Table.Cell className="[overflow-wrap:anywhere]">{r.fileName ?? "—"}</Table.Cell>
                <Table.Cell className="text-right tabular-nums">{formatNumber(r.rows)}</Table.Cell>
                <Table.Cell className="text-right tabular-nums">{formatNumber(r.members)}</Table.Cell>
                <Table.Cell className="text-right tabular-nums">{new Intl.NumberFormat().format(BigInt(r.points))}</Table.Cell>
                <Table.Cell className="[overflow-wrap:anywhere]">{r.actor}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  );
}
