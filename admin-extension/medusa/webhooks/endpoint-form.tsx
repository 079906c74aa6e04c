import { Button, Heading, Text } from "@medusajs/ui";
import { useId, useState } from "react";
import { useCreateWebhookEndpoint } from "../../shared/webhook-hooks.ts";
import { type EndpointForm, emptyEndpointForm, endpointErrors, endpointInput, toggleTopic, topicLabel } from "../../shared/webhooks.ts";
import { ApiErrorAlert } from "../parts/api-error.tsx";
import { CheckboxField } from "../parts/checkbox-field.tsx";
import { TextField } from "../parts/text-field.tsx";

/** Adds an endpoint: its URL, the events it receives and a note; the secret comes back once, for the caller to show. */
export function EndpointFormSection({
  topics,
  onCreated,
}: {
  topics: readonly string[];
  onCreated: (url: string, secret: string) => void;
}) {
  const headingId = useId();
  const topicsErrorId = useId();
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
    <form
      noValidate
      aria-labelledby={headingId}
      className="flex flex-col gap-y-4 px-6 py-4"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Heading level="h2" id={headingId}>
        Add an endpoint
      </Heading>
      <TextField
        label="Endpoint URL"
        value={form.url}
        placeholder="https://hooks.example.com/kinship"
        hint="https, or http to localhost while testing."
        errors={shown.url ? [shown.url] : []}
        onChange={(url) => setForm((f) => ({ ...f, url }))}
      />
      <fieldset className="flex flex-col gap-y-2" aria-describedby={shown.topics ? topicsErrorId : undefined}>
        <legend className="txt-compact-small-plus mb-2">Events</legend>
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {topics.map((t) => (
            <CheckboxField
              key={t}
              label={topicLabel(t)}
              checked={form.topics.includes(t)}
              onChange={(on) => setForm((f) => ({ ...f, topics: toggleTopic(f.topics, t, on, topics) }))}
            />
          ))}
        </div>
        {shown.topics ? (
          <Text id={topicsErrorId} size="small" className="text-ui-fg-error" role="alert">
            {shown.topics}
          </Text>
        ) : null}
      </fieldset>
      <TextField
        label="Description"
        value={form.description}
        placeholder="Klaviyo flows"
        errors={shown.description ? [shown.description] : []}
        onChange={(description) => setForm((f) => ({ ...f, description }))}
      />
      {create.error && !create.isPending ? <ApiErrorAlert error={create.error} title="The endpoint was not added." /> : null}
      <div>
        <Button type="submit" size="small" isLoading={create.isPending}>
          Add endpoint
        </Button>
      </div>
    </form>
  );
}
