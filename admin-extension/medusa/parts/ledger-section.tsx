import { Button, Heading, Text } from "@medusajs/ui";
import { useId } from "react";
import { useMemberLedger } from "../../shared/hooks.ts";
import { ApiErrorAlert } from "./api-error.tsx";
import { LedgerTable } from "./ledger-table.tsx";

/** The member's points history, newest first, a page at a time. */
export function LedgerSection({ customerId }: { customerId: string }) {
  const headingId = useId();
  const ledger = useMemberLedger(customerId);
  return (
    <section className="flex flex-col gap-y-3 px-6 py-4" aria-labelledby={headingId}>
      <Heading level="h3" id={headingId}>
        Points history
      </Heading>
      {ledger.isPending ? (
        <Text size="small" className="text-ui-fg-subtle">
          Loading history…
        </Text>
      ) : ledger.isError ? (
        <ApiErrorAlert error={ledger.error} title="Could not load the points history." />
      ) : ledger.data.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          No points activity yet.
        </Text>
      ) : (
        <>
          <LedgerTable lines={ledger.data} caption="Points history, newest first" />
          {ledger.hasNextPage ? (
            <div className="flex justify-center">
              <Button
                type="button"
                size="small"
                variant="secondary"
                isLoading={ledger.isFetchingNextPage}
                onClick={() => void ledger.fetchNextPage()}
              >
                Load more
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
