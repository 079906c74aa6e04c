import { Alert, Button, Container, Copy, Heading, Text } from "@medusajs/ui";
import { useId, useState } from "react";
import { useEventTopics, useWebhookEndpoints } from "../shared/webhook-hooks.ts";
import { ApiErrorAlert } from "./parts/api-error.tsx";
import { DeliveryLog } from "./webhooks/delivery-log.tsx";
import { EndpointFormSection } from "./webhooks/endpoint-form.tsx";
import { EndpointList } from "./webhooks/endpoint-list.tsx";

/** Loyalty → Webhooks: signed endpoints for the program's events, their delivery log, and replaying dead letters. */
export function WebhooksPage() {
  const headingId = useId();
  const endpoints = useWebhookEndpoints();
  const topics = useEventTopics();
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [endpointId, setEndpointId] = useState<string | null>(null);
  const error = endpoints.error ?? topics.error;
  return (
    <Container className="divide-y p-0" role="region" aria-labelledby={headingId}>
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1" id={headingId}>
          Webhooks
        </Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Kinship's events (points, tiers, rewards, referrals, memberships), signed with HMAC-SHA256 over the timestamp and the body, for
          your email, SMS and data tools. Failed deliveries are retried with backoff.
        </Text>
      </div>
      {secret ? (
        <div className="px-6 py-4">
          <Alert variant="warning" role="alert" data-secret-banner="">
            <p>
              <strong>Copy the signing secret now: it is not shown again. </strong>
              Deliveries to <span className="[overflow-wrap:anywhere]">{secret.url}</span> are signed with it.
            </p>
            <div className="mt-2 flex items-center gap-2">
              <code data-secret="" className="[overflow-wrap:anywhere] rounded bg-ui-bg-subtle px-2 py-1">
                {secret.secret}
              </code>
              <Copy content={secret.secret} aria-label="Copy the signing secret" />
            </div>
            <Button type="button" size="small" variant="secondary" className="mt-2" onClick={() => setSecret(null)}>
              I have copied it
            </Button>
          </Alert>
        </div>
      ) : null}
      {error ? (
        <div className="px-6 py-4">
          <ApiErrorAlert error={error} title="Could not load the webhook endpoints." />
        </div>
      ) : !endpoints.data || !topics.data ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle" aria-busy="true">
          Loading endpoints…
        </Text>
      ) : (
        <>
          <EndpointList endpoints={endpoints.data} onSecret={(url, s) => setSecret({ url, secret: s })} onShowDeliveries={setEndpointId} />
          <EndpointFormSection topics={topics.data} onCreated={(url, s) => setSecret({ url, secret: s })} />
          <DeliveryLog endpoints={endpoints.data} endpointId={endpointId} onEndpoint={setEndpointId} />
        </>
      )}
    </Container>
  );
}
