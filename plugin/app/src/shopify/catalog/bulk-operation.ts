import type { adminApi } from "../admin-api.ts";

export type AdminApi = ReturnType<typeof adminApi>;

/** A bulk operation that did not give a result: why, for the merchant's log. */
export class BulkOperationError extends Error {
  override readonly name = "BulkOperationError";
  readonly retryable: boolean;
  constructor(message: string, retryable: boolean) {
    super(message);
    this.retryable = retryable;
  }
}

export const RUN_BULK_QUERY = `mutation CatalogBulkQuery($query: String!) {
  bulkOperationRunQuery(query: $query, groupObjects: false) {
    bulkOperation { id status }
    userErrors { field message }
  }
}`;

export const BULK_OPERATION_STATUS = `query CatalogBulkStatus($id: ID!) {
  node(id: $id) {
    ... on BulkOperation { id status errorCode objectCount url partialDataUrl }
  }
}`;

interface RunAnswer {
  bulkOperationRunQuery: {
    bulkOperation: { id: string; status: string } | null;
    userErrors: { field: string[] | null; message: string }[];
  } | null;
}

interface StatusAnswer {
  node: { id: string; status: string; errorCode: string | null; objectCount: string | null; url: string | null } | null;
}

export interface BulkQueryOptions {
  /** First wait between polls; doubled up to maxPollMs (defaults 1 s and 10 s). */
  pollMs?: number;
  maxPollMs?: number;
  /** Give up after this long, in polls' waits (default 2 h). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Runs one bulk query and waits for it: the JSONL file's URL (null when the query found nothing).
 * Polled by the operation's id (several can run at once per shop). Throws BulkOperationError on
 * user errors, a FAILED, CANCELED or EXPIRED operation (with its errorCode), or the timeout.
 */
export async function runBulkQuery(
  api: AdminApi,
  query: string,
  options: BulkQueryOptions = {},
): Promise<{ url: string | null; objects: number }> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxPoll = options.maxPollMs ?? 10_000;
  let wait = options.pollMs ?? 1_000;
  let waited = 0;
  const timeout = options.timeoutMs ?? 2 * 60 * 60_000;

  const started = await api.request<RunAnswer>(RUN_BULK_QUERY, { query });
  if (!started.ok) throw new BulkOperationError(`Shopify did not start the catalog's bulk query: ${started.message}`, started.retryable);
  const payload = started.data.bulkOperationRunQuery;
  const errors = payload?.userErrors ?? [];
  if (errors.length > 0)
    throw new BulkOperationError(`Shopify refused the catalog's bulk query: ${errors.map((e) => e.message).join("; ")}`, false);
  const id = payload?.bulkOperation?.id;
  if (!id) throw new BulkOperationError("Shopify started no bulk operation (no id in its answer)", true);

  for (;;) {
    const polled = await api.request<StatusAnswer>(BULK_OPERATION_STATUS, { id });
    if (!polled.ok && !polled.retryable) throw new BulkOperationError(`could not follow bulk operation ${id}: ${polled.message}`, true);
    const op = polled.ok ? polled.data.node : undefined;
    if (polled.ok && !op) throw new BulkOperationError(`bulk operation ${id} is gone`, true);
    if (op) {
      switch (op.status) {
        case "COMPLETED":
          return { url: op.url, objects: Number(op.objectCount ?? 0) };
        case "FAILED":
        case "CANCELED":
        case "CANCELLED":
        case "EXPIRED":
          throw new BulkOperationError(
            `bulk operation ${id} ended ${op.status}${op.errorCode ? ` (${op.errorCode})` : ""}: nothing was loaded`,
            op.errorCode !== "ACCESS_DENIED",
          );
      }
    }
    if (waited >= timeout)
      throw new BulkOperationError(`bulk operation ${id} did not finish within ${Math.round(timeout / 60_000)} min`, true);
    await sleep(wait);
    waited += wait;
    wait = Math.min(maxPoll, wait * 2);
  }
}
