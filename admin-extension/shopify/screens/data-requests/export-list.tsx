import { Badge, BlockStack, Button, Card, DataTable, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { type DataExportSummary, exportSource } from "../../../shared/data-exports.ts";
import { formatDateTime } from "../../app/format.ts";
import { AppLink, memberPath } from "../../app/router.tsx";

const wrap = { overflowWrap: "anywhere", whiteSpace: "normal" } as const;

/** The kept exports, newest first, optionally one customer's; each opens below. */
export function ExportList({
  exports,
  busy,
  customerFilter,
  onFilter,
  selected,
  onSelect,
}: {
  exports: DataExportSummary[];
  busy: boolean;
  customerFilter: string | null;
  onFilter: (customerId: string | null) => void;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const [filter, setFilter] = useState(customerFilter ?? "");
  const apply = (text: string) => onFilter(text.trim() === "" ? null : text.trim());
  return (
    <Card padding="0">
      <div style={{ padding: "16px 16px 0" }}>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            Exports
          </Text>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              apply(filter);
            }}
          >
            <InlineStack gap="200" blockAlign="end" wrap={false}>
              <div style={{ flex: 1 }}>
                <TextField label="Show one customer's" value={filter} onChange={setFilter} autoComplete="off" placeholder="Customer id" />
              </div>
              <Button submit>Show</Button>
              {customerFilter ? (
                <Button
                  onClick={() => {
                    setFilter("");
                    onFilter(null);
                  }}
                >
                  Show all
                </Button>
              ) : null}
            </InlineStack>
          </form>
        </BlockStack>
      </div>
      <div aria-busy={busy} data-export-list="">
        <DataTable
          columnContentTypes={["text", "text", "text", "text"]}
          headings={["Made", "Customer", "From", ""]}
          rows={exports.map((e) => [
            formatDateTime(e.createdAt),
            <span key="who" style={wrap}>
              <AppLink to={memberPath(e.customerId)}>{e.customerId}</AppLink>
            </span>,
            e.requestRef ? <Badge key="from">{exportSource(e)}</Badge> : exportSource(e),
            <Button
              key="view"
              size="slim"
              pressed={selected === e.id}
              accessibilityLabel={`View the export of ${e.customerId} made ${formatDateTime(e.createdAt)}`}
              onClick={() => onSelect(e.id)}
            >
              View
            </Button>,
          ])}
          footerContent={
            exports.length === 0
              ? customerFilter
                ? `No exports of ${customerFilter}.`
                : "No exports yet."
              : `${exports.length} ${exports.length === 1 ? "export" : "exports"}, newest first`
          }
        />
      </div>
    </Card>
  );
}
