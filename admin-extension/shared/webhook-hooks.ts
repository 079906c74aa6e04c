import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { isRetryable } from "./client.ts";
import { kinshipAdminKeys, useKinshipAdminClient } from "./hooks.ts";
import { IdempotencyKeys } from "./idempotency.ts";
import {
  createWebhookEndpointMutation,
  deleteWebhookEndpointMutation,
  eventTopicsQuery,
  replayWebhookDeliveriesMutation,
  rotateWebhookSecretMutation,
  updateWebhookEndpointMutation,
  webhookDeliveriesQuery,
  webhookEndpointsQuery,
} from "./operations.ts";
import type { DeliveryStatus, WebhookDeliveryPage, WebhookEndpoint } from "./types.ts";

const retry = (failures: number, error: unknown) => isRetryable(error) && failures < 2;

export const DELIVERIES_PAGE_SIZE = 50;

function useWebhookKeys() {
  const client = useKinshipAdminClient();
  const all = [...kinshipAdminKeys.all(client), "webhooks"] as const;
  return { client, all, endpoints: [...all, "endpoints"] as const, deliveries: [...all, "deliveries"] as const };
}

export function useEventTopics() {
  const { client, all } = useWebhookKeys();
  return useQuery({
    queryKey: [...all, "topics"],
    queryFn: ({ signal }) => client.request(eventTopicsQuery, {}, signal).then((d) => d.eventTopics),
    staleTime: Number.POSITIVE_INFINITY,
    retry,
  });
}

export function useWebhookEndpoints() {
  const { client, endpoints } = useWebhookKeys();
  return useQuery({
    queryKey: endpoints,
    queryFn: ({ signal }): Promise<WebhookEndpoint[]> => client.request(webhookEndpointsQuery, {}, signal).then((d) => d.webhookEndpoints),
    retry,
  });
}

/** One endpoint's deliveries (null: every endpoint's) of a status (null: any), newest first, page by page. */
export function useWebhookDeliveries(endpointId: string | null, status: DeliveryStatus | null, pageSize = DELIVERIES_PAGE_SIZE) {
  const { client, deliveries } = useWebhookKeys();
  return useInfiniteQuery({
    queryKey: [...deliveries, endpointId, status, pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }): Promise<WebhookDeliveryPage> =>
      client
        .request(webhookDeliveriesQuery, { endpointId, status, first: pageSize, after: pageParam }, signal)
        .then((d) => d.webhookDeliveries),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.deliveries),
    placeholderData: keepPreviousData,
    retry,
  });
}

/**
 * Each endpoint change refreshes the endpoints (and the audit log, which records it). The same input
 * submitted again before it went through (a retry, a double click) carries the same idempotency key.
 */
function useEndpointMutation<I, O>(
  run: (client: ReturnType<typeof useKinshipAdminClient>, input: I, idempotencyKey: string) => Promise<O>,
  alsoDeliveries = false,
) {
  const { client, endpoints, deliveries } = useWebhookKeys();
  const queryClient = useQueryClient();
  const [keys] = useState(() => new IdempotencyKeys());
  return useMutation({
    mutationFn: (input: I) => run(client, input, keys.keyFor(input)),
    onSuccess: (_answer, input) => {
      keys.succeeded(input);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: endpoints }),
        queryClient.invalidateQueries({ queryKey: kinshipAdminKeys.audit(client) }),
        ...(alsoDeliveries ? [queryClient.invalidateQueries({ queryKey: deliveries })] : []),
      ]);
    },
  });
}

/** Answers the endpoint and its secret: show the secret now, it is never answered again. */
export const useCreateWebhookEndpoint = () =>
  useEndpointMutation((client, input: { url: string; topics: string[]; description: string | null }, idempotencyKey) =>
    client.request(createWebhookEndpointMutation, { ...input, idempotencyKey }).then((d) => d.createWebhookEndpoint),
  );

export const useUpdateWebhookEndpoint = () =>
  useEndpointMutation((client, input: { id: string; url?: string; topics?: string[]; description?: string | null; enabled?: boolean }) =>
    client.request(updateWebhookEndpointMutation, input).then((d) => d.updateWebhookEndpoint),
  );

export const useDeleteWebhookEndpoint = () =>
  useEndpointMutation(
    (client, id: string) => client.request(deleteWebhookEndpointMutation, { id }).then((d) => d.deleteWebhookEndpoint),
    true,
  );

export const useRotateWebhookSecret = () =>
  useEndpointMutation((client, id: string, idempotencyKey) =>
    client.request(rotateWebhookSecretMutation, { id, idempotencyKey }).then((d) => d.rotateWebhookSecret),
  );

/** Puts dead deliveries back in line, then reloads the delivery log; answers how many were requeued. */
export function useReplayWebhookDeliveries() {
  const { client, deliveries } = useWebhookKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => client.request(replayWebhookDeliveriesMutation, { ids }).then((d) => d.replayWebhookDeliveries),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deliveries }),
  });
}
