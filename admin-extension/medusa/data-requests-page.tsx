import { Container, Heading, Text } from "@medusajs/ui";
import { useId, useState } from "react";
import { useDataExports } from "../shared/data-export-hooks.ts";
import { ExportFormSection } from "./data-requests/export-form.tsx";
import { ExportListSection } from "./data-requests/export-list.tsx";
import { ExportViewSection } from "./data-requests/export-view.tsx";

/** Loyalty → Data requests: what Kinship holds on a customer, exported, read and downloaded as JSON. */
export function DataRequestsPage() {
  const headingId = useId();
  const [customerFilter, setCustomerFilter] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const exports = useDataExports(customerFilter);
  return (
    <Container className="divide-y p-0" role="region" aria-labelledby={headingId}>
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1" id={headingId}>
          Data requests
        </Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Everything Kinship holds on a customer (profile, points ledger, orders, perks, referrals, membership, badges, insight), as JSON to
          send them. Deleting a customer in Medusa erases them from Kinship and deletes their exports.
        </Text>
      </div>
      <ExportFormSection onMade={setSelected} />
      <ExportListSection
        exports={exports}
        customerFilter={customerFilter}
        onFilter={setCustomerFilter}
        selected={selected}
        onSelect={setSelected}
      />
      {selected ? <ExportViewSection id={selected} onClose={() => setSelected(null)} /> : null}
    </Container>
  );
}
