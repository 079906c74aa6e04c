import { BlockStack, Button, Card, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { toAdminApiError } from "../../../shared/client.ts";
import { useCreateWebhookEndpoint } from "../../../shared/webhook-hooks.ts";
import { type EndpointForm, emptyEndpointForm, endpointErrors, endpointInput } from "../../../shared/webhooks.ts";
import { ApiErrorBanner } from "../program-form/api-error-banner.tsx";
import { TopicCheckboxes } from "./topic-checkboxes.tsx";

/** Adds an endpoint: its URL, the events it receives and a note; the answer carries the secret, shown once by the caller. */
export function EndpointFormCard({ topics, onCreated }: { topics: readonly string[]; onCreated: (url: string, secret: string) => void }) {
  const create = useCreateWebhookEndpoint();
  const [form, setForm] = useState<EndpointForm>(emptyEndpointForm);
  const [tried, setTried] = useState(false);
  const errors = endpointErrors(form, topics);
  const shown = tried ? errors : {};

  async function submit() {
    setTried(true);
    if (Object.keys(errors).length > 0) return;
    try {
      const made = await create.mutateAsync(endpointInput(form));
      setForm(emptyEndpointForm());
      setTried(false);
      onCreated(made.endpoint.url, made.secret);
    } catch {
      // shown below from create.error
    }
  }

  return (
    <Card>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <BlockStack gap="400">
          <Text as="h2" variant="headingMd">
            Add an endpoint
          </Text>
          <TextField
            label="Endpoint URL"
            value={form.url}
            onChange={(url) => setForm((f) => ({ ...f, url }))}
            autoComplete="off"
            placeholder="https://hooks.example.com/kinship"
            helpText="https, or http to localhost while testing."
            error={shown.url}
          />
          <TopicCheckboxes
            topics={topics}
            selected={form.topics}
            onChange={(t) => setForm((f) => ({ ...f, topics: t }))}
            error={shown.topics}
          />
          <TextField
            label="Description"
            value={form.description}
            onChange={(description) => setForm((f) => ({ ...f, description }))}
            autoComplete="off"
            placeholder="Klaviyo flows"
            error={shown.description}
          />
          {create.error && !create.isPending ? (
            <ApiErrorBanner error={toAdminApiError(create.error)} title="The endpoint was not added." />
          ) : null}
          <div>
            <Button submit variant="primary" loading={create.isPending}>
              Add endpoint
            </Button>
          </div>
        </BlockStack>
      </form>
    </Card>
  );
}
