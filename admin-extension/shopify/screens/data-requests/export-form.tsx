import { BlockStack, Button, Card, Form, FormLayout, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { toAdminApiError } from "../../../shared/client.ts";
import { useExportMemberData } from "../../../shared/data-export-hooks.ts";
import { parseCustomerId } from "../../../shared/data-exports.ts";
import { toast } from "../../app/toast.ts";

/** Makes an export of one customer's data now; the new export opens below. */
export function ExportForm({ onMade }: { onMade: (id: string) => void }) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const make = useExportMemberData();

  async function submit() {
    const parsed = parseCustomerId(text);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    try {
      const made = await make.mutateAsync(parsed.customerId);
      toast(`Export of ${made.customerId} made`);
      setText("");
      onMade(made.id);
    } catch (e) {
      const failure = toAdminApiError(e);
      setError(failure.code === "UnknownMember" ? `${parsed.customerId} is not a member: Kinship holds nothing on them.` : failure.message);
    }
  }

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Export a customer's data
        </Text>
        <Text as="p" tone="subdued">
          Shopify's data requests are exported here by themselves. To answer a customer who asked you directly, export their data now.
        </Text>
        <Form onSubmit={() => void submit()}>
          <FormLayout>
            <TextField
              label="Customer id"
              value={text}
              onChange={(t) => {
                setText(t);
                setError(null);
              }}
              autoComplete="off"
              placeholder="e.g. 7093528526903"
              error={error ?? undefined}
            />
            <Button submit variant="primary" loading={make.isPending}>
              Export data
            </Button>
          </FormLayout>
        </Form>
      </BlockStack>
    </Card>
  );
}
