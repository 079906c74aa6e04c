import {
  keepPreviousData,
  QueryClient,
  QueryClientProvider,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { createContext, createElement, type ReactNode, useContext, useState } from "react";
import { type AdminClient, isRetryable, medusaAdminClient } from "./client.ts";
import { IdempotencyKeys } from "./idempotency.ts";
import {
  adjustPointsMutation,
  auditQuery,
  importPerkCodesMutation,
  memberLedgerQuery,
  memberQuery,
  orderQuery,
  partnersQuery,
  programQuery,
  updateProgramMutation,
} from "./operations.ts";
import type { ProgramConfig } from "./program-config.ts";
import type { LedgerPage, PartnerSettlement } from "./types.ts";

const ClientContext = createContext<AdminClient | null>(null);

/** Gives the screens below it a client (the standalone server, a test engine, ...). */
export function KinshipAdminProvider({ client, children }: { client: AdminClient; children?: ReactNode }) {
  return createElement(ClientContext.Provider, { value: client }, children);
}

let medusaDefault: AdminClient | undefined;

/** The provided client; without a provider, the Medusa admin's (`/admin/kinship/graphql`, cookie session). */
export function useKinshipAdminClient(): AdminClient {
  const client = useContext(ClientContext);
  if (client) return client;
  medusaDefault ??= medusaAdminClient();
  return medusaDefault;
}

/** Query keys, scoped by endpoint so two clients never share cached answers. */
export const kinshipAdminKeys = {
  all: (c: AdminClient) => ["kinship-admin", c.endpoint] as const,
  member: (c: AdminClient, customerId: string) => [...kinshipAdminKeys.all(c), "member", customerId] as const,
  memberSummary: (c: AdminClient, customerId: string) => [...kinshipAdminKeys.member(c, customerId), "summary"] as const,
  memberLedger: (c: AdminClient, customerId: string, pageSize: number) =>
    [...kinshipAdminKeys.member(c, customerId), "ledger", pageSize] as const,
  order: (c: AdminClient, orderId: string) => [...kinshipAdminKeys.all(c), "order", orderId] as const,
  program: (c: AdminClient) => [...kinshipAdminKeys.all(c), "program"] as const,
  audit: (c: AdminClient) => [...kinshipAdminKeys.all(c), "audit"] as const,
  /** Every period's settlement: what an import or a saved config invalidates. */
  partners: (c: AdminClient) => [...kinshipAdminKeys.all(c), "partners"] as const,
  partnerSettlement: (c: AdminClient, from: string, to: string) => [...kinshipAdminKeys.partners(c), from, to] as const,
};

/** Retries only when the API could not be reached; the engine's own answers are final. */
const retry = (failures: number, error: unknown) => isRetryable(error) && failures < 2;

export function useMember(customerId: string) {
  const client = useKinshipAdminClient();
  return useQuery({
    queryKey: kinshipAdminKeys.memberSummary(client, customerId),
    queryFn: ({ signal }) => client.request(memberQuery, { customerId }, signal).then((d) => d.member),
    retry,
  });
}

export const LEDGER_PAGE_SIZE = 20;

/** The member's ledger, newest first, `pageSize` lines at a time: `data` is every line loaded so far. */
export function useMemberLedger(customerId: string, pageSize = LEDGER_PAGE_SIZE) {
  const client = useKinshipAdminClient();
  return useInfiniteQuery({
    queryKey: kinshipAdminKeys.memberLedger(client, customerId, pageSize),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }): Promise<LedgerPage> =>
      client
        .request(memberLedgerQuery, { customerId, first: pageSize, after: pageParam }, signal)
        .then((d) => d.member?.ledger ?? { lines: [], nextCursor: null }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.lines),
    retry,
  });
}

export function useOrderPoints(orderId: string) {
  const client = useKinshipAdminClient();
  return useQuery({
    queryKey: kinshipAdminKeys.order(client, orderId),
    queryFn: ({ signal }) => client.request(orderQuery, { orderId }, signal).then((d) => d.order),
    retry,
  });
}

export function useProgram() {
  const client = useKinshipAdminClient();
  return useQuery({
    queryKey: kinshipAdminKeys.program(client),
    queryFn: ({ signal }) => client.request(programQuery, {}, signal).then((d) => d.program),
    retry,
  });
}

export function useAudit(first = 20) {
  const client = useKinshipAdminClient();
  return useQuery({
    queryKey: [...kinshipAdminKeys.audit(client), first],
    queryFn: ({ signal }) => client.request(auditQuery, { first }, signal).then((d) => d.audit),
    retry,
  });
}

/** Every partner's claims in [from, to) (ISO instants) with its pool's stock; another period keeps the last answer until its own arrives. */
export function usePartnerSettlement(from: string, to: string) {
  const client = useKinshipAdminClient();
  return useQuery({
    queryKey: kinshipAdminKeys.partnerSettlement(client, from, to),
    queryFn: ({ signal }): Promise<PartnerSettlement[]> => client.request(partnersQuery, { from, to }, signal).then((d) => d.partners),
    placeholderData: keepPreviousData,
    retry,
  });
}

export interface AdjustPointsInput {
  customerId: string;
  /** Positive credits, negative debits. */
  points: number;
  reason: string;
}

/**
 * Credits or debits a member. The same form submitted again before it went through carries the
 * same idempotency key, so a retried submit is applied once (see IdempotencyKeys).
 */
export function useAdjustPoints() {
  const client = useKinshipAdminClient();
  const queryClient = useQueryClient();
  const [keys] = useState(() => new IdempotencyKeys());
  return useMutation({
    mutationFn: (input: AdjustPointsInput) =>
      client.request(adjustPointsMutation, { ...input, idempotencyKey: keys.keyFor(input) }).then((d) => d.adjustPoints),
    onSuccess: (member, input) => {
      keys.succeeded(input);
      queryClient.setQueryData(kinshipAdminKeys.memberSummary(client, input.customerId), member);
    },
    onSettled: (_member, _error, input) => queryClient.invalidateQueries({ queryKey: kinshipAdminKeys.member(client, input.customerId) }),
  });
}

/**
 * Saves the whole program config; the engine validates it and answers the new version. With
 * `expectedVersion` a program changed since that version is refused (ConfigConflict), nothing saved.
 */
export function useUpdateProgram() {
  const client = useKinshipAdminClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProgramConfig | { config: ProgramConfig; expectedVersion?: number | null }) =>
      client
        .request(updateProgramMutation, "config" in input && "expectedVersion" in input ? input : { config: input as ProgramConfig })
        .then((d) => d.updateProgram),
    onSuccess: (program) => {
      queryClient.setQueryData(kinshipAdminKeys.program(client), program);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: kinshipAdminKeys.program(client) }),
        queryClient.invalidateQueries({ queryKey: kinshipAdminKeys.audit(client) }),
        // Partners' names and prices in the settlement come from the config.
        queryClient.invalidateQueries({ queryKey: kinshipAdminKeys.partners(client) }),
      ]);
    },
  });
}

export interface ImportPerkCodesInput {
  /** A partner key of the saved program. */
  partner: string;
  /** As pasted: the engine trims each and skips blank ones. */
  codes: string[];
}

/** Adds codes to a partner's pool, then refreshes the pools' stock and the audit log. */
export function useImportPerkCodes() {
  const client = useKinshipAdminClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportPerkCodesInput) => client.request(importPerkCodesMutation, input).then((d) => d.importPerkCodes),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: kinshipAdminKeys.partners(client) }),
        queryClient.invalidateQueries({ queryKey: kinshipAdminKeys.audit(client) }),
      ]),
  });
}

/** A QueryClient for hosts that have none (the Medusa dashboard has its own: do not nest one there). */
export function createKinshipQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, staleTime: 30_000 } } });
}

/** Wraps screens in a QueryClientProvider, for hosts without one (the standalone admin, tests). */
export function KinshipQueryClientProvider({ queryClient, children }: { queryClient?: QueryClient; children?: ReactNode }) {
  const [client] = useState(() => queryClient ?? createKinshipQueryClient());
  return createElement(QueryClientProvider, { client }, children);
}
