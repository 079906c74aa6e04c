import { BlockStack, Card, Text } from "@shopify/polaris";
import { useImports } from "../../../shared/import-hooks.ts";
import { importSourceLabel } from "../../../shared/import-sources.ts";
import { ApiErrorBanner } from "../../app/api-error.tsx";
import { formatDateTime, formatNumber } from "../../app/format.ts";
import { FitTable } from "../program-form/fit-table.tsx";

/** Applied imports, newest first. */
export function ImportHistoryCard() {
  const imports = useImports();
  const runs = imports.data ?? [];
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Applied imports
        </Text>
        {imports.error ? (
          <ApiErrorBanner error={imports.error} onRetry={() => void imports.refetch()} />
        ) : imports.isPending ? (
          <Text as="p" tone="subdued">
            Loading…
          </Text>
        ) : runs.length === 0 ? (
          <Text as="p" tone="subdued">
            No imports yet.
          </Text>
        ) : (
          <FitTable
            label="Applied imports"
            busy={imports.isFetching}
            columns={[
              { header: "When", cell: (r) => formatDateTime(r.createdAt), width: "20%" },
              { header: "From", cell: (r) => importSourceLabel(r.source), width: "14%" },
              { header: "File", cell: (r) => r.fileName ?? "—", title: (r) => r.fileName ?? "" },
              { header: "Rows", cell: (r) => formatNumber(r.rows), numeric: true, width: "10%" },
              { header: "Members", cell: (r) => formatNumber(r.members), numeric: true, width: "11%" },
              { header: "Points", cell: (r) => new Intl.NumberFormat("en-US").format(BigInt(r.points)), numeric: true, width: "13%" },
              { header: "By", cell: (r) => r.actor, title: (r) => r.actor, width: "16%" },
            ]}
            rows={runs}
            rowKey={(r) => r.id}
          />
        )}
      </BlockStack>
    </Card>
  );
}
