import { Banner, BlockStack, Button, Card, DropZone, InlineStack, ProgressBar, Select, Text } from "@shopify/polaris";
import { useId } from "react";
import type { ImportSource } from "../../../shared/generated/graphql.ts";
import type { ImportUpload } from "../../../shared/import-hooks.ts";
import { IMPORT_SOURCES } from "../../../shared/import-sources.ts";
import { percent } from "../../../shared/import-upload.ts";
import { formatNumber } from "../../app/format.ts";

/** The source, the file (dropped or picked) and the dry run's button and progress. */
export function UploadCard({ upload }: { upload: ImportUpload }) {
  const { state } = upload;
  const progressId = useId();
  const busy = state.phase === "checking" || state.phase === "applying";
  const source = IMPORT_SOURCES.find((s) => s.value === state.source);
  const split = state.split;
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          File
        </Text>
        <Select
          label="Export from"
          options={IMPORT_SOURCES.map((s) => ({ value: s.value, label: s.label }))}
          value={state.source}
          disabled={busy}
          helpText={source?.help}
          onChange={(v) => upload.setSource(v as ImportSource)}
        />
        <DropZone
          label="CSV file"
          accept=".csv,text/csv"
          type="file"
          allowMultiple={false}
          disabled={busy}
          onDrop={(_all, accepted) => {
            const file = accepted[0];
            if (file) void file.text().then((text) => upload.chooseFile(file.name, text));
          }}
        >
          {state.fileName ? (
            <div style={{ padding: "var(--p-space-400)", textAlign: "center" }}>
              <Text as="p" fontWeight="semibold">
                {state.fileName}
              </Text>
              <Text as="p" tone="subdued">
                {split?.ok ? `${formatNumber(split.rows)} rows · drop another file to replace it` : "Drop another file to replace it"}
              </Text>
            </div>
          ) : (
            <DropZone.FileUpload actionTitle="Choose file" actionHint="or drop a .csv file here" />
          )}
        </DropZone>
        {split && !split.ok ? (
          <div role="alert">
            <Banner tone="critical" title="This file cannot be read">
              <p>
                Line {split.error.line}: {split.error.message}
              </p>
            </Banner>
          </div>
        ) : null}
        {state.phase === "checking" ? (
          <BlockStack gap="100">
            <Text as="p" id={progressId}>
              Checking part {formatNumber(Math.min(state.progress.done + 1, state.progress.total))} of {formatNumber(state.progress.total)}…
            </Text>
            <ProgressBar progress={percent(state.progress)} ariaLabelledBy={progressId} />
          </BlockStack>
        ) : null}
        <InlineStack gap="200">
          <Button
            variant={state.report ? "secondary" : "primary"}
            disabled={!upload.canCheck}
            loading={state.phase === "checking"}
            onClick={() => void upload.check()}
          >
            Check file
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
