import { Badge, BlockStack, Box, Button, ButtonGroup, Card, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import { toAdminApiError } from "../../../shared/client.ts";
import { formatDate } from "../../../shared/format.ts";
import type { WebhookEndpoint } from "../../../shared/types.ts";
import { useDeleteWebhookEndpoint, useRotateWebhookSecret, useUpdateWebhookEndpoint } from "../../../shared/webhook-hooks.ts";
import { topicLabel } from "../../../shared/webhooks.ts";
import { ConfirmModal } from "../../app/modal.tsx";
import { toast } from "../../app/toast.ts";

/** The program's endpoints: enable or disable, rotate the secret, delete (after a confirmation), see deliveries. */
export function EndpointList({
  endpoints,
  onSecret,
  onShowDeliveries,
}: {
  endpoints: WebhookEndpoint[];
  onSecret: (url: string, secret: string) => void;
  onShowDeliveries: (id: string) => void;
}) {
  const update = useUpdateWebhookEndpoint();
  const rotate = useRotateWebhookSecret();
  const remove = useDeleteWebhookEndpoint();
  const [deleting, setDeleting] = useState<WebhookEndpoint | null>(null);
  const [rotating, setRotating] = useState<WebhookEndpoint | null>(null);

  const failed = (what: string) => (e: unknown) => toast(`${what}: ${toAdminApiError(e).message}`, { isError: true });

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Endpoints
        </Text>
        {endpoints.length === 0 ? (
          <Text as="p" tone="subdued">
            No endpoints yet: add one to send Kinship's events to your email, SMS or data tools.
          </Text>
        ) : (
          <ul aria-label="Endpoints" style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: "var(--p-space-300)" }}>
            {endpoints.map((e) => (
              <li key={e.id} data-endpoint={e.id}>
                <Box padding="300" borderWidth="025" borderColor="border" borderRadius="200">
                  <BlockStack gap="200">
                    <InlineStack align="space-between" blockAlign="center" gap="200" wrap>
                      <InlineStack gap="200" blockAlign="center" wrap>
                        <Text as="h3" variant="headingSm" breakWord>
                          {e.url}
                        </Text>
                        <Badge tone={e.enabled ? "success" : undefined}>{e.enabled ? "Enabled" : "Disabled"}</Badge>
                      </InlineStack>
                      <ButtonGroup>
                        <Button onClick={() => onShowDeliveries(e.id)} accessibilityLabel={`Deliveries to ${e.url}`}>
                          Deliveries
                        </Button>
                        <Button
                          loading={update.isPending && update.variables?.id === e.id}
                          accessibilityLabel={`${e.enabled ? "Disable" : "Enable"} ${e.url}`}
                          onClick={() =>
                            update
                              .mutateAsync({ id: e.id, enabled: !e.enabled })
                              .then((u) => toast(u.enabled ? "Endpoint enabled" : "Endpoint disabled"), failed("Not changed"))
                          }
                        >
                          {e.enabled ? "Disable" : "Enable"}
                        </Button>
                        <Button onClick={() => setRotating(e)} accessibilityLabel={`Rotate secret of ${e.url}`}>
                          Rotate secret
                        </Button>
                        <Button tone="critical" onClick={() => setDeleting(e)} accessibilityLabel={`Delete ${e.url}`}>
                          Delete
                        </Button>
                      </ButtonGroup>
                    </InlineStack>
                    {e.description ? <Text as="p">{e.description}</Text> : null}
                    <Text as="p" tone="subdued">
                      {e.topics.map(topicLabel).join(", ")} · added {formatDate(e.createdAt)}
                    </Text>
                  </BlockStack>
                </Box>
              </li>
            ))}
          </ul>
        )}
      </BlockStack>
      <ConfirmModal
        open={deleting !== null}
        title="Delete endpoint"
        confirm="Delete"
        destructive
        busy={remove.isPending}
        onConfirm={() => {
          const e = deleting;
          if (!e) return;
          remove.mutateAsync(e.id).then(() => toast("Endpoint deleted"), failed("Not deleted"));
          setDeleting(null);
        }}
        onClose={() => setDeleting(null)}
      >
        <Text as="p" breakWord>
          {deleting?.url} stops receiving events, and its deliveries still waiting are dropped.
        </Text>
      </ConfirmModal>
      <ConfirmModal
        open={rotating !== null}
        title="Rotate signing secret"
        confirm="Rotate"
        busy={rotate.isPending}
        onConfirm={() => {
          const e = rotating;
          if (!e) return;
          rotate.mutateAsync(e.id).then((r) => onSecret(r.endpoint.url, r.secret), failed("Not rotated"));
          setRotating(null);
        }}
        onClose={() => setRotating(null)}
      >
        <Text as="p" breakWord>
          Deliveries to {rotating?.url} are signed with a new secret from now on; the receiver needs it before it can verify them.
        </Text>
      </ConfirmModal>
    </Card>
  );
}
