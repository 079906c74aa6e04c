import { Badge, Button, Heading, Text, toast, usePrompt } from "@medusajs/ui";
import { useId } from "react";
import { toAdminApiError } from "../../shared/client.ts";
import type { WebhookEndpoint } from "../../shared/types.ts";
import { useDeleteWebhookEndpoint, useRotateWebhookSecret, useUpdateWebhookEndpoint } from "../../shared/webhook-hooks.ts";
import { topicLabel } from "../../shared/webhooks.ts";
import { formatDate } from "../parts/format.ts";

/** The program's endpoints: enable or disable, rotate the secret, delete (each confirmed), see deliveries. */
export function EndpointList({
  endpoints,
  onSecret,
  onShowDeliveries,
}: {
  endpoints: WebhookEndpoint[];
  onSecret: (url: string, secret: string) => void;
  onShowDeliveries: (id: string) => void;
}) {
  const headingId = useId();
  const update = useUpdateWebhookEndpoint();
  const rotate = useRotateWebhookSecret();
  const remove = useDeleteWebhookEndpoint();
  const prompt = usePrompt();
  const failed = (what: string) => (e: unknown) => toast.error(what, { description: toAdminApiError(e).message });

  async function askDelete(e: WebhookEndpoint) {
    const yes = await prompt({
      title: "Delete this endpoint?",
      description: `${e.url} stops receiving events, and its deliveries still waiting are dropped.`,
      confirmText: "Delete",
      cancelText: "Cancel",
    });
    if (yes) remove.mutateAsync(e.id).then(() => toast.success("Endpoint deleted"), failed("Not deleted"));
  }

  async function askRotate(e: WebhookEndpoint) {
    const yes = await prompt({
      title: "Rotate the signing secret?",
      description: `Deliveries to ${e.url} are signed with a new secret from now on; the receiver needs it to verify them.`,
      confirmText: "Rotate",
      cancelText: "Cancel",
      variant: "confirmation",
    });
    if (yes) rotate.mutateAsync(e.id).then((r) => onSecret(r.endpoint.url, r.secret), failed("Not rotated"));
  }

  return (
    <section className="flex flex-col gap-y-3 px-6 py-4" aria-labelledby={headingId}>
      <Heading level="h2" id={headingId}>
        Endpoints
      </Heading>
      {endpoints.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle" data-empty-state="">
          No endpoints yet: add one to send Kinship's events to your email, SMS or data tools.
        </Text>
      ) : (
        <ul aria-label="Endpoints" className="flex flex-col gap-y-3">
          {endpoints.map((e) => (
            <li key={e.id} data-endpoint={e.id} className="flex flex-col gap-y-2 rounded-lg border border-ui-border-base p-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div className="flex min-w-0 flex-wrap items-center gap-2">
                  <Heading level="h3" className="[overflow-wrap:anywhere]">
                    {e.url}
                  </Heading>
                  <Badge size="small" color={e.enabled ? "green" : "grey"}>
                    {e.enabled ? "Enabled" : "Disabled"}
                  </Badge>
                </div>
                <div className="flex flex-wrap gap-2">
                  <Button
                    type="button"
                    size="small"
                    variant="secondary"
                    aria-label={`Deliveries to ${e.url}`}
                    onClick={() => onShowDeliveries(e.id)}
                  >
                    Deliveries
                  </Button>
                  <Button
                    type="button"
                    size="small"
                    variant="secondary"
                    isLoading={update.isPending && update.variables?.id === e.id}
                    aria-label={`${e.enabled ? "Disable" : "Enable"} ${e.url}`}
                    onClick={() =>
                      update
                        .mutateAsync({ id: e.id, enabled: !e.enabled })
                        .then((u) => toast.success(u.enabled ? "Endpoint enabled" : "Endpoint disabled"), failed("Not changed"))
                    }
                  >
                    {e.enabled ? "Disable" : "Enable"}
                  </Button>
                  <Button
                    type="button"
                    size="small"
                    variant="secondary"
                    aria-label={`Rotate secret of ${e.url}`}
                    onClick={() => void askRotate(e)}
                  >
                    Rotate secret
                  </Button>
                  <Button type="button" size="small" variant="danger" aria-label={`Delete ${e.url}`} onClick={() => void askDelete(e)}>
                    Delete
                  </Button>
                </div>
              </div>
              {e.description ? <Text size="small">{e.description}</Text> : null}
              <Text size="small" className="text-ui-fg-subtle">
                {e.topics.map(topicLabel).join(", ")} · added {formatDate(e.createdAt)}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
