import { Container, Heading, Skeleton, Text } from "@medusajs/ui";
import { useId } from "react";
import { useMember, useProgram } from "../shared/hooks.ts";
import type { AdminMember } from "../shared/types.ts";
import { MemberExtrasSections } from "./member/member-extras.tsx";
import { MemberSegment } from "./member/member-segment.tsx";
import { AdjustPointsForm } from "./parts/adjust-points-form.tsx";
import { ApiErrorAlert } from "./parts/api-error.tsx";
import { formatDate } from "./parts/format.ts";
import { LedgerSection } from "./parts/ledger-section.tsx";
import { AdminLink } from "./parts/link.tsx";
import { MemberSummary } from "./parts/member-summary.tsx";
import { OverrideTierForm } from "./parts/override-tier-form.tsx";
import { TierBadge } from "./parts/tier-badge.tsx";
import { loyaltyPaths } from "./paths.ts";

export interface MemberPageProps {
  /** The Medusa customer id ("cus_01H…"). */
  customerId: string;
}

/** What the owner calls a member: their name, else email, else the customer id. */
function displayName(member: AdminMember): string {
  const { firstName, lastName, email } = member.profile;
  return [firstName, lastName].filter(Boolean).join(" ").trim() || email?.trim() || member.customerId;
}

/** One member: tier, balances, growth, the override in force, the ledger, and manual adjustments and tier overrides. */
export function MemberPage({ customerId }: MemberPageProps) {
  const headingId = useId();
  const member = useMember(customerId);
  const currency = useProgram().data?.config.currency ?? "USD";
  const title = member.data ? displayName(member.data) : customerId;
  return (
    <div className="flex flex-col gap-y-3">
      <nav aria-label="Breadcrumb" className="flex items-center gap-x-2">
        <AdminLink to={loyaltyPaths.members}>Members</AdminLink>
        <Text as="span" size="small" className="text-ui-fg-muted" aria-hidden="true">
          /
        </Text>
        <Text as="span" size="small" className="max-w-[24rem] truncate" aria-current="page" title={title}>
          {title}
        </Text>
      </nav>
      <Container className="divide-y p-0" role="region" aria-labelledby={headingId}>
        <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
          <div className="flex min-w-0 flex-col gap-y-1">
            <Heading level="h1" id={headingId} className="truncate" title={title}>
              {title}
            </Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {member.data?.profile.email && member.data.profile.email !== title ? `${member.data.profile.email} · ` : ""}
              {member.data ? `Member since ${formatDate(member.data.joinedAt)} · ` : ""}
              <AdminLink to={`/customers/${encodeURIComponent(customerId)}`}>Customer page</AdminLink>
            </Text>
          </div>
          {member.data ? <TierBadge tier={member.data.tier} /> : null}
          {/* The sections below are h3, as on the customer card: this keeps the outline whole. */}
          <Heading level="h2" className="sr-only">
            Points and tier
          </Heading>
        </div>
        {member.isPending ? (
          <div className="flex flex-col gap-y-2 px-6 py-4" aria-busy="true">
            <Text size="small" className="text-ui-fg-subtle">
              Loading the member…
            </Text>
            <Skeleton className="h-16 w-full" />
          </div>
        ) : member.isError ? (
          <div className="px-6 py-4">
            <ApiErrorAlert error={member.error} title="Could not load this member." />
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
            <OverrideInForce member={member.data} />
            <OverrideTierForm customerId={customerId} currentTier={member.data.tier.key} override={member.data.override} />
          </>
        )}
        {member.isPending || member.isError ? null : <AdjustPointsForm customerId={customerId} isMember={member.data !== null} />}
      </Container>
      {member.data ? (
        <Container className="p-0">
          <MemberExtrasSections customerId={customerId} />
        </Container>
      ) : null}
      {member.data ? (
        <Container className="p-0">
          <LedgerSection customerId={customerId} />
        </Container>
      ) : null}
    </div>
  );
}

function OverrideInForce({ member }: { member: AdminMember }) {
  const { override } = member;
  return (
    <div className="flex flex-col gap-y-1 px-6 py-4" data-override={override ? override.tier : "none"}>
      <Text size="small" weight="plus">
        Tier override
      </Text>
      {override ? (
        <Text size="small">
          {member.tier.key === override.tier ? member.tier.name : override.tier}{" "}
          {override.until ? (
            <>
              until <time dateTime={override.until}>{formatDate(override.until)}</time>
            </>
          ) : (
            "with no end date"
          )}
          , set by {override.actor} on <time dateTime={override.setAt}>{formatDate(override.setAt)}</time>: “{override.reason}”
        </Text>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">
          None: the tier follows the member's growth.
        </Text>
      )}
    </div>
  );
}
