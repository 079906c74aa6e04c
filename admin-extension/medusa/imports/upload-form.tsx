import { Alert, Button, Hint, Label, Text } from "@medusajs/ui";
import { useEffect, useId, useRef } from "react";
import type { ImportSource } from "../../shared/generated/graphql.ts";
import type { ImportUpload } from "../../shared/import-hooks.ts";
import { IMPORT_SOURCES } from "../../shared/import-sources.ts";
import { formatNumber } from "../parts/format.ts";
import { SelectField } from "../parts/select-field.tsx";
import { ImportProgress } from "./progress.tsx";

/** The source, the file and the dry run's button and progress. */
export function ImportUploadForm({ upload }: { upload: ImportUpload }) {
  const { state } = upload;
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  // A reset (Import another file) clears the picker too, or it would still name the last file.
  useEffect(() => {
    if (state.fileName === null && input.current) input.current.value = "";
  }, [state.fileName]);
  const busy = state.phase === "checking" || state.phase === "applying";
  const split = state.split;
  return (
    <div className="flex flex-col gap-y-4 px-6 py-4">
      <SelectField
        className="flex max-w-lg flex-col gap-y-2"
        label="Export from"
        value={state.source}
        options={IMPORT_SOURCES.map((s) => ({ value: s.value, label: s.label }))}
        hint={IMPORT_SOURCES.find((s) => s.value === state.source)?.help}
        onChange={(v) => upload.setSource(v as ImportSource)}
      />
      <div className="flex flex-col gap-y-2">
        <Label htmlFor={fileId} size="small" weight="plus">
          CSV file
        </Label>
        <input
          id={fileId}
          ref={input}
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          aria-describedby={`${fileId}-hint`}
          className="txt-small file:mr-3 file:rounded-md file:border file:border-ui-border-base file:bg-ui-bg-base file:px-3 file:py-1.5 file:text-ui-fg-base"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void file.text().then((text) => upload.chooseFile(file.name, text));
          }}
        />
        <Hint id={`${fileId}-hint`} variant="info">
          {state.fileName && split?.ok ? `${state.fileName}: ${formatNumber(split.rows)} rows` : "A .csv file exported from the app above."}
        </Hint>
      </div>
      {split && !split.ok ? (
        <Alert variant="error" role="alert">
          <strong>This file cannot be read. </strong>
          Line {split.error.line}: {split.error.message}
        </Alert>
      ) : null}
      {state.phase === "checking" ? (
        <ImportProgress
          label={`Checking part ${formatNumber(Math.min(state.progress.done + 1, state.progress.total))} of ${formatNumber(state.progress.total)}…`}
          progress={state.progress}
        />
      ) : null}
      <div>
        <Button
          type="button"
          size="small"
          variant={state.report ? "secondary" : "primary"}
          disabled={!upload.canCheck}
          isLoading={state.phase === "checking"}
          onClick={() => void upload.check()}
        >
          Check file
        </Button>
      </div>
      {state.phase === "idle" && !state.fileName ? (
        <Text size="small" className="text-ui-fg-subtle">
          Choose a file to check it.
        </Text>
      ) : null}
    </div>
  );
}
