import { Button, Container, Heading, Skeleton, Text } from "@medusajs/ui";
import { useId } from "react";
import { useMember, useMemberLedger } from "../shared/hooks.ts";
import type { AdminMember } from "../shared/types.ts";
import { AdjustPointsForm } from "./parts/adjust-points-form.tsx";
import { ApiErrorAlert } from "./parts/api-error.tsx";
import { formatDate, formatNumber } from "./parts/format.ts";
import { LedgerTable } from "./parts/ledger-table.tsx";
import { Stat } from "./parts/stat.tsx";
import { TierBadge } from "./parts/tier-badge.tsx";

export interface CustomerLoyaltyWidgetProps {
  /** The Medusa customer id ("cus_01H…"). */
  customerId: string;
}

/** The customer page's loyalty card: tier, balances, growth, expiring points, the ledger and manual adjustments. */
export function CustomerLoyaltyWidget({ customerId }: CustomerLoyaltyWidgetProps) {
  const headingId = useId();
  const member = useMember(customerId);
  return (
    <Container className="divide-y p-0" aria-labelledby={headingId} role="region">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <Heading level="h2" id={headingId}>
          Loyalty
        </Heading>
        {member.data ? <TierBadge tier={member.data.tier} /> : null}
      </div>
      {member.isPending ? (
        <div className="flex flex-col gap-y-2 px-6 py-4" aria-busy="true">
          <Text size="small" className="text-ui-fg-subtle">
            Loading loyalty…
          </Text>
          <Skeleton className="h-16 w-full" />
        </div>
      ) : member.isError ? (
        <div className="px-6 py-4">
          <ApiErrorAlert error={member.error} title="Could not load loyalty." />
        </div>
      ) : member.data === null ? (
        <div className="flex flex-col gap-y-1 px-6 py-4" data-empty-state="">
          <Text weight="plus">Not a loyalty member yet</Text>
          <Text size="small" className="text-ui-fg-subtle">
            This customer has no points or tier. They become a member with their first paid order, or when you credit points below.
          </Text>
        </div>
      ) : (
        <>
          <MemberSummary member={member.data} />
          <LedgerSection customerId={customerId} />
        </>
      )}
      {member.isPending || member.isError ? null : <AdjustPointsForm customerId={customerId} isMember={member.data !== null} />}
    </Container>
  );
}

function MemberSummary({ member }: { member: AdminMember }) {
  const { points, nextTier } = member;
  return (
    <div className="flex flex-col gap-y-4 px-6 py-4">
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat term="Points available">{formatNumber(points.available)}</Stat>
        <Stat term="Points pending">{formatNumber(points.pending)}</Stat>
        <Stat term="Growth">{formatNumber(member.growth)}</Stat>
        <Stat term="Next tier">{nextTier ? `${formatNumber(nextTier.remaining)} to ${nextTier.name}` : "Top tier reached"}</Stat>
      </dl>
      <div className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">
          Expiring in the next 30 days
        </Text>
        {points.expiringSoon.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle">
            No points expire in the next 30 days.
          </Text>
        ) : (
          <ul className="flex flex-col gap-y-1" aria-label="Points expiring soon">
            {points.expiringSoon.map((e) => (
              <li key={e.on}>
                <Text size="small">
                  {formatNumber(e.points)} points on <time dateTime={e.on}>{formatDate(e.on)}</time>
                </Text>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function LedgerSection({ customerId }: { customerId: string }) {
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
