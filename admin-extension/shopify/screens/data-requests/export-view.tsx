import { BlockStack, Button, Card, InlineStack, List, Text } from "@shopify/polaris";
import { useId } from "react";
import { useDataExport } from "../../../shared/data-export-hooks.ts";
import { downloadExport, exportContents, exportJson, exportSource } from "../../../shared/data-exports.ts";
import { ApiErrorBanner } from "../../app/api-error.tsx";
import { formatDateTime } from "../../app/format.ts";

/** One export: where it came from, what it holds, the JSON itself, and downloading it as a file. */
export function ExportView({ id, onClose }: { id: string; onClose: () => void }) {
  const found = useDataExport(id);
  const jsonId = useId();
  const e = found.data;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <Text as="h2" variant="headingMd">
            {e ? `Export of ${e.customerId}` : `Export ${id}`}
          </Text>
          <InlineStack gap="200">
            {e ? (
              <Button variant="primary" onClick={() => downloadExport(e)}>
                Download JSON
              </Button>
            ) : null}
            <Button onClick={onClose}>Close</Button>
          </InlineStack>
        </InlineStack>
        {found.error ? (
          <ApiErrorBanner error={found.error} onRetry={() => void found.refetch()} />
        ) : found.isPending ? (
          <Text as="p" tone="subdued">
            Loading the export…
          </Text>
        ) : !e ? (
          <Text as="p">This export is gone: the customer's data was erased since.</Text>
        ) : (
          <>
            <Text as="p" tone="subdued">
              {exportSource(e)} · {formatDateTime(e.createdAt)}
            </Text>
            <List type="bullet">
              {exportContents(e.data).map((c) => (
                <List.Item key={c.label}>
                  {c.label}: {c.count}
                </List.Item>
              ))}
            </List>
            <Text as="h3" variant="headingSm" id={jsonId}>
              The export as sent
            </Text>
            <section
              aria-labelledby={jsonId}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
              tabIndex={0}
              style={{
                maxHeight: "24rem",
                overflow: "auto",
                padding: "var(--p-space-300)",
                background: "var(--p-color-bg-surface-secondary)",
                borderRadius: "var(--p-border-radius-200)",
              }}
            >
              <pre data-export-json="" style={{ margin: 0, fontSize: "12px" }}>
                {exportJson(e)}
              </pre>
            </section>
          </>
        )}
      </BlockStack>
    </Card>
  );
}
