import { Button, Heading, Text } from "@medusajs/ui";
import { useId } from "react";
import { useDataExport } from "../../shared/data-export-hooks.ts";
import { downloadExport, exportContents, exportJson, exportSource } from "../../shared/data-exports.ts";
import { ApiErrorAlert } from "../parts/api-error.tsx";
import { formatDateTime } from "../parts/format.ts";

/** One export: where it came from, what it holds, the JSON itself, and downloading it as a file. */
export function ExportViewSection({ id, onClose }: { id: string; onClose: () => void }) {
  const found = useDataExport(id);
  const headingId = useId();
  const jsonId = useId();
  const e = found.data;
  return (
    <section className="flex flex-col gap-y-3 px-6 py-4" aria-labelledby={headingId} data-export-view={id}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Heading level="h2" id={headingId}>
          {e ? `Export of ${e.customerId}` : `Export ${id}`}
        </Heading>
        <div className="flex gap-2">
          {e ? (
            <Button type="button" size="small" onClick={() => downloadExport(e)}>
              Download JSON
            </Button>
          ) : null}
          <Button type="button" size="small" variant="secondary" onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
      {found.error ? (
        <ApiErrorAlert error={found.error} title="Could not load the export." />
      ) : found.isPending ? (
        <Text size="small" className="text-ui-fg-subtle" aria-busy="true">
          Loading the export…
        </Text>
      ) : !e ? (
        <Text size="small">This export is gone: the customer's data was erased since.</Text>
      ) : (
        <>
          <Text size="small" className="text-ui-fg-subtle">
            {exportSource(e)} · {formatDateTime(e.createdAt)}
          </Text>
          <ul className="list-disc pl-5 text-ui-fg-base txt-small">
            {exportContents(e.data).map((c) => (
              <li key={c.label}>
                {c.label}: {c.count}
              </li>
            ))}
          </ul>
          <Heading level="h3" id={jsonId}>
            The export as sent
          </Heading>
          <section
            aria-labelledby={jsonId}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
            tabIndex={0}
            className="max-h-96 overflow-auto rounded-md bg-ui-bg-subtle p-3 outline-none focus-visible:shadow-borders-focus"
          >
            <pre data-export-json="" className="m-0 text-xs">
              {exportJson(e)}
            </pre>
          </section>
        </>
      )}
    </section>
  );
}
