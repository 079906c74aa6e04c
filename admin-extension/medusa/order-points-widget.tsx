import { Container, Heading, Skeleton, Text } from "@medusajs/ui";
import { useId } from "react";
import { useOrderPoints } from "../shared/hooks.ts";
import { ApiErrorAlert } from "./parts/api-error.tsx";
import { formatNumber, formatSigned } from "./parts/format.ts";
import { LedgerTable } from "./parts/ledger-table.tsx";
import { Stat } from "./parts/stat.tsx";

export interface OrderPointsWidgetProps {
  /** The Medusa order id ("order_01H…"). */
  orderId: string;
}

/** The order page's loyalty card: what the order earned, what its refunds took back, its growth and ledger lines. */
export function OrderPointsWidget({ orderId }: OrderPointsWidgetProps) {
  const headingId = useId();
  const order = useOrderPoints(orderId);
  return (
    <Container className="divide-y p-0" aria-labelledby={headingId} role="region">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2" id={headingId}>
          Loyalty points
        </Heading>
      </div>
      {order.isPending ? (
        <div className="flex flex-col gap-y-2 px-6 py-4" aria-busy="true">
          <Text size="small" className="text-ui-fg-subtle">
            Loading loyalty…
          </Text>
          <Skeleton className="h-10 w-full" />
        </div>
      ) : order.isError ? (
        <div className="px-6 py-4">
          <ApiErrorAlert error={order.error} title="Could not load this order's points." />
        </div>
      ) : order.data === null ? (
        <div className="px-6 py-4" data-empty-state="">
          <Text size="small" className="text-ui-fg-subtle">
            This order earned no loyalty points.
          </Text>
        </div>
      ) : (
        <>
          <div className="px-6 py-4">
            <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
              <Stat term="Points earned">{formatNumber(order.data.earned)}</Stat>
              <Stat term="Points reversed">{formatNumber(order.data.reversed)}</Stat>
              <Stat term="Net points">{formatNumber(order.data.earned - order.data.reversed)}</Stat>
              <Stat term="Growth">{formatSigned(order.data.growth)}</Stat>
            </dl>
          </div>
          <div className="px-6 py-4">
            <LedgerTable lines={order.data.lines} caption="This order's points, oldest first" showOrder={false} />
          </div>
        </>
      )}
    </Container>
  );
}
