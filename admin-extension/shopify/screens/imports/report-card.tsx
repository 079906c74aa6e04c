import { Banner, BlockStack, Button, Card, InlineStack, List, ProgressBar, Text } from "@shopify/polaris";
import { useId } from "react";
import type { ImportUpload } from "../../../shared/import-hooks.ts";
import { badRowsTitle, reportLines, reportTitle } from "../../../shared/import-sources.ts";
import { percent } from "../../../shared/import-upload.ts";
import { ApiErrorBanner } from "../../app/api-error.tsx";
import { formatNumber } from "../../app/format.ts";
import { FitTable } from "../program-form/fit-table.tsx";

/** The dry run's report (every bad row by line), then Apply (only when clean), its progress and its outcome. */
export function ImportReportCard({ upload }: { upload: ImportUpload }) {
  const { state } = upload;
  const progressId = useId();
  const { report, applied, progress } = state;
  if (!report && !state.error) return null;
  const parts = `${formatNumber(progress.done)} of ${formatNumber(progress.total)} parts`;
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {reportTitle(state.phase)}
        </Text>
        {state.error ? (
          <ApiErrorBanner
            error={state.error}
            title={state.phase === "failed" ? `The import stopped after ${parts}` : "The file could not be checked"}
          />
        ) : null}
        {report && state.phase !== "applied" ? (
          <BlockStack gap="200">
            <Text as="p">What the import would change:</Text>
            <List>
              {reportLines(report).map((l) => (
                <List.Item key={l}>{l}</List.Item>
              ))}
            </List>
          </BlockStack>
        ) : null}
        {report && report.errors.length > 0 ? (
          <BlockStack gap="200">
            <div role="alert">
              <Banner tone="critical" title={badRowsTitle(report.errors.length)}>
                <p>Fix these rows in the file, then choose it again and check it.</p>
              </Banner>
            </div>
            <FitTable
              label="Bad rows"
              columns={[
                { header: "Line", cell: (e) => formatNumber(e.line), numeric: true, width: "12%" },
                { header: "Problem", cell: (e) => e.message, title: (e) => e.message },
              ]}
              rows={report.errors}
              rowKey={(e) => `${e.line}:${e.message}`}
            />
          </BlockStack>
        ) : null}
        {state.phase === "applying" ? (
          <BlockStack gap="100">
            <Text as="p" id={progressId}>
              Importing: {parts} done
              {applied ? `, ${formatNumber(applied.rows)} rows` : ""}
            </Text>
            <ProgressBar progress={percent(progress)} ariaLabelledBy={progressId} tone="primary" />
          </BlockStack>
        ) : null}
        {state.phase === "cancelled" ? (
          <Banner tone="warning" title={`Cancelled after ${parts}`}>
            <p>
              {formatNumber(applied?.rows ?? 0)} rows were imported. Continue to import the rest: the parts already imported are not
              imported twice.
            </p>
          </Banner>
        ) : null}
        {state.phase === "applied" && applied ? (
          <BlockStack gap="200">
            <div role="status">
              <Banner tone="success" title={`Imported ${formatNumber(applied.rows)} rows from ${state.fileName ?? "the file"}`} />
            </div>
            <List>
              {reportLines(applied).map((l) => (
                <List.Item key={l}>{l}</List.Item>
              ))}
            </List>
          </BlockStack>
        ) : null}
        {report && report.errors.length === 0 && state.phase === "checked" ? (
          <Banner tone="success" title="No bad rows: ready to import" />
        ) : null}
        <InlineStack gap="200">
          {upload.canApply ? (
            <Button variant="primary" onClick={() => void upload.apply()}>
              {state.phase === "failed" ? "Retry" : state.phase === "cancelled" ? "Continue import" : "Apply import"}
            </Button>
          ) : null}
          {state.phase === "applying" ? <Button onClick={upload.cancel}>Cancel</Button> : null}
          {state.phase === "applied" ? <Button onClick={upload.reset}>Import another file</Button> : null}
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
