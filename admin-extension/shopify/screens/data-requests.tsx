import { BlockStack, Layout } from "@shopify/polaris";
import { useState } from "react";
import { useDataExports } from "../../shared/data-export-hooks.ts";
import { ScreenFrame } from "../app/screen-frame.tsx";
import { ExportForm } from "./data-requests/export-form.tsx";
import { ExportList } from "./data-requests/export-list.tsx";
import { ExportView } from "./data-requests/export-view.tsx";

/** Data requests: what Kinship holds on a customer (Shopify's customers/data_request, or one the owner makes), read and downloaded. */
export function DataRequestsScreen() {
  const [customerFilter, setCustomerFilter] = useState<string | null>(null);
  const exports = useDataExports(customerFilter);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <ScreenFrame
      title="Data requests"
      subtitle="Everything Kinship holds on a customer, as JSON to send them"
      loading={exports.isPending}
      error={exports.error}
      onRetry={() => void exports.refetch()}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <ExportForm onMade={setSelected} />
            <ExportList
              exports={exports.data ?? []}
              busy={exports.isFetching}
              customerFilter={customerFilter}
              onFilter={setCustomerFilter}
              selected={selected}
              onSelect={setSelected}
            />
            {selected ? <ExportView id={selected} onClose={() => setSelected(null)} /> : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </ScreenFrame>
  );
}
