import { Container, Heading, Skeleton, Text } from "@medusajs/ui";
import { useId } from "react";
import { useMember, useProgram } from "../shared/hooks.ts";
import { MemberSegment } from "./member/member-segment.tsx";
import { AdjustPointsForm } from "./parts/adjust-points-form.tsx";
import { ApiErrorAlert } from "./parts/api-error.tsx";
import { LedgerSection } from "./parts/ledger-section.tsx";
import { AdminLink } from "./parts/link.tsx";
import { MemberSummary } from "./parts/member-summary.tsx";
import { TierBadge } from "./parts/tier-badge.tsx";
import { loyaltyPaths } from "./paths.ts";

export interface CustomerLoyaltyWidgetProps {
  /** The Medusa customer id ("cus_01H…"). */
  customerId: string;
}

/** The customer page's loyalty card: tier, balances, growth, expiring points, the ledger and manual adjustments. */
export function CustomerLoyaltyWidget({ customerId }: CustomerLoyaltyWidgetProps) {
  const headingId = useId();
  const member = useMember(customerId);
  const currency = useProgram().data?.config.currency ?? "USD";
  return (
    <Container className="divide-y p-0" aria-labelledby={headingId} role="region">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <Heading level="h2" id={headingId}>
          Loyalty
        </Heading>
        <div className="flex items-center gap-x-3">
          {member.data ? <TierBadge tier={member.data.tier} /> : null}
          {member.data ? <AdminLink to={loyaltyPaths.member(customerId)}>Open member page</AdminLink> : null}
        </div>
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
          <MemberSegment customerId={customerId} currency={currency} />
          <LedgerSection customerId={customerId} />
        </>
      )}
      {member.isPending || member.isError ? null : <AdjustPointsForm customerId={customerId} isMember={member.data !== null} />}
    </Container>
  );
}
