import { Alert, Button, Heading, Table, Text } from "@medusajs/ui";
import type { ImportUpload } from "../../shared/import-hooks.ts";
import { badRowsTitle, reportLines, reportTitle } from "../../shared/import-sources.ts";
import { ApiErrorAlert } from "../parts/api-error.tsx";
import { formatNumber } from "../parts/format.ts";
import { ImportProgress } from "./progress.tsx";

/** The dry run's report (every bad row by line), then Apply (only when clean), its progress and its outcome. */
export function ImportReport({ upload }: { upload: ImportUpload }) {
  const { state } = upload;
  const { report, applied, progress } = state;
  if (!report && !state.error) return null;
  const parts = `${formatNumber(progress.done)} of ${formatNumber(progress.total)} parts`;
  return (
    <section className="flex flex-col gap-y-3 px-6 py-4" aria-label={reportTitle(state.phase)}>
      <Heading level="h2">{reportTitle(state.phase)}</Heading>
      {state.error ? (
        <ApiErrorAlert
          error={state.error}
          title={state.phase === "failed" ? `The import stopped after ${parts}.` : "The file could not be checked."}
        />
      ) : null}
      {report && state.phase !== "applied" ? <Figures title="What the import would change" lines={reportLines(report)} /> : null}
      {report && report.errors.length > 0 ? (
        <>
          <Alert variant="error" role="alert">
            <strong>{badRowsTitle(report.errors.length)}. </strong>
            Fix these rows in the file, then choose it again and check it.
          </Alert>
          <Table aria-label="Bad rows">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col" className="w-24 text-right">
                  Line
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">Problem</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {report.errors.map((e) => (
                <Table.Row key={`${e.line}:${e.message}`}>
                  <Table.Cell className="text-right tabular-nums">{formatNumber(e.line)}</Table.Cell>
                  <Table.Cell className="whitespace-normal [overflow-wrap:anywhere]">{e.message}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      ) : null}
      {state.phase === "checked" && report?.errors.length === 0 ? <Alert variant="success">No bad rows: ready to import.</Alert> : null}
      {state.phase === "applying" ? (
        <ImportProgress label={`Importing: ${parts} done${applied ? `, ${formatNumber(applied.rows)} rows` : ""}`} progress={progress} />
      ) : null}
      {state.phase === "cancelled" ? (
        <Alert variant="warning">
          <strong>Cancelled after {parts}. </strong>
          {formatNumber(applied?.rows ?? 0)} rows were imported. Continue to import the rest: the parts already imported are not imported
          twice.
        </Alert>
      ) : null}
      {state.phase === "applied" && applied ? (
        <>
          <Alert variant="success" role="status">
            Imported {formatNumber(applied.rows)} rows from {state.fileName ?? "the file"}.
          </Alert>
          <Figures title="What the import changed" lines={reportLines(applied)} />
        </>
      ) : null}
      <div className="flex gap-x-2">
        {upload.canApply ? (
          <Button type="button" size="small" onClick={() => void upload.apply()}>
            {state.phase === "failed" ? "Retry" : state.phase === "cancelled" ? "Continue import" : "Apply import"}
          </Button>
        ) : null}
        {state.phase === "applying" ? (
          <Button type="button" size="small" variant="secondary" onClick={upload.cancel}>
            Cancel
          </Button>
        ) : null}
        {state.phase === "applied" ? (
          <Button type="button" size="small" variant="secondary" onClick={upload.reset}>
            Import another file
          </Button>
        ) : null}
      </div>
    </section>
  );
}

function Figures({ title, lines }: { title: string; lines: string[] }) {
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="small" weight="plus">
        {title}
      </Text>
      <ul className="list-disc pl-5 txt-small" aria-label={title}>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </div>
  );
}
