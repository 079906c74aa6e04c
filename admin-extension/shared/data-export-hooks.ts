import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { isRetryable } from "./client.ts";
import { dataExportQuery, dataExportsQuery, exportMemberDataMutation } from "./data-export-operations.ts";
import { DATA_EXPORTS_PAGE_SIZE, type DataExportSummary } from "./data-exports.ts";
import { kinshipAdminKeys, useKinshipAdminClient } from "./hooks.ts";
import { IdempotencyKeys } from "./idempotency.ts";

const retry = (failures: number, error: unknown) => isRetryable(error) && failures < 2;

const exportKeys = (endpoint: ReturnType<typeof kinshipAdminKeys.all>) => [...endpoint, "data-exports"] as const;

/** Kept exports, newest first: every customer's (null) or one's. */
export function useDataExports(customerId: string | null, first = DATA_EXPORTS_PAGE_SIZE) {
  const client = useKinshipAdminClient();
  return useQuery({
    queryKey: [...exportKeys(kinshipAdminKeys.all(client)), "list", customerId, first],
    queryFn: ({ signal }): Promise<DataExportSummary[]> =>
      client.request(dataExportsQuery, { customerId, first }, signal).then((d) => d.dataExports),
    placeholderData: keepPreviousData,
    retry,
  });
}

/** One export with its data, once an id is chosen. */
export function useDataExport(id: string | null) {
  const client = useKinshipAdminClient();
  return useQuery({
    queryKey: [...exportKeys(kinshipAdminKeys.all(client)), "one", id],
    queryFn: ({ signal }) => client.request(dataExportQuery, { id: id ?? "" }, signal).then((d) => d.dataExport),
    enabled: id !== null,
    retry,
  });
}

/**
 * Makes a member's export now. The same customer submitted again before it went through carries the
 * same idempotency key, so a retried submit makes one export (see IdempotencyKeys).
 */
export function useExportMemberData() {
  const client = useKinshipAdminClient();
  const queryClient = useQueryClient();
  const [keys] = useState(() => new IdempotencyKeys());
  return useMutation({
    mutationFn: (customerId: string) =>
      client.request(exportMemberDataMutation, { customerId, idempotencyKey: keys.keyFor(customerId) }).then((d) => d.exportMemberData),
    onSuccess: (made, customerId) => {
      keys.succeeded(customerId);
      queryClient.setQueryData([...exportKeys(kinshipAdminKeys.all(client)), "one", made.id], made);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...exportKeys(kinshipAdminKeys.all(client)), "list"] }),
        queryClient.invalidateQueries({ queryKey: kinshipAdminKeys.audit(client) }),
      ]);
    },
  });
}
