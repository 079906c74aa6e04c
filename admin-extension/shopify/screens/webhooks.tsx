import { BlockStack, Layout } from "@shopify/polaris";
import { useState } from "react";
import { useEventTopics, useWebhookEndpoints } from "../../shared/webhook-hooks.ts";
import { ScreenFrame } from "../app/screen-frame.tsx";
import { DeliveryLog } from "./webhooks/delivery-log.tsx";
import { EndpointFormCard } from "./webhooks/endpoint-form.tsx";
import { EndpointList } from "./webhooks/endpoint-list.tsx";
import { SecretBanner } from "./webhooks/secret-banner.tsx";

/** Events out: signed webhook endpoints, their delivery log, and replaying dead letters. */
export function WebhooksScreen() {
  const endpoints = useWebhookEndpoints();
  const topics = useEventTopics();
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [endpointId, setEndpointId] = useState<string | null>(null);
  const onSecret = (url: string, value: string) => {
    setSecret({ url, secret: value });
    window.scrollTo(0, 0);
  };
  return (
    <ScreenFrame
      title="Webhooks"
      subtitle="Signed events for your email, SMS and data tools"
      loading={endpoints.isPending || topics.isPending}
      error={endpoints.error ?? topics.error}
      onRetry={() => void Promise.all([endpoints.refetch(), topics.refetch()])}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {secret ? <SecretBanner url={secret.url} secret={secret.secret} onDismiss={() => setSecret(null)} /> : null}
            <EndpointList endpoints={endpoints.data ?? []} onSecret={onSecret} onShowDeliveries={setEndpointId} />
            <EndpointFormCard topics={topics.data ?? []} onCreated={onSecret} />
            <DeliveryLog endpoints={endpoints.data ?? []} endpointId={endpointId} onEndpoint={setEndpointId} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </ScreenFrame>
  );
}
