/** @jsxImportSource preact */
import { expiringSoon } from "../../../customer-account/src/data/progress.ts";
import { day, points } from "../../../customer-account/src/data/text.ts";
import type { AdminBlocksClient } from "../data/client.ts";
import type { AdminMember, LedgerLine } from "../data/types.ts";
import { LedgerTable } from "./LedgerTable.tsx";
import { useLoad } from "./load.ts";

/** How many of the newest ledger lines the block lists; the member page has the rest. */
export const LATEST_LINES = 5;

/**
 * The member page in the embedded app (/app/members/<id>). `app:` links resolve against the app's
 * application_url (https://…/app), so the path is relative to it; a test checks where it lands.
 */
export const memberPageHref = (customerId: string): string => `app:members/${encodeURIComponent(customerId)}`;

const HEADING = "Kinship loyalty";

interface Customer {
  member: AdminMember | null;
  lines: LedgerLine[];
}

/** On the admin's customer page: the member's tier, points, growth, newest ledger lines and a link to the member page. */
export function CustomerBlock({ client, customerId }: { client: AdminBlocksClient; customerId: string }) {
  const load = useLoad<Customer>(async () => {
    const [member, lines] = await Promise.all([client.member(customerId), client.latestLines(customerId, LATEST_LINES)]);
    return { member, lines };
  }, `${customerId}`);
  if (load.status === "loading")
    return (
      <s-admin-block heading={HEADING}>
        <s-spinner accessibilityLabel="Loading the customer's loyalty membership" />
      </s-admin-block>
    );
  if (load.status === "failed")
    return (
      <s-admin-block heading={HEADING}>
        <s-banner tone="critical" heading="Loyalty could not be loaded">
          {load.message}
        </s-banner>
      </s-admin-block>
    );
  const { member, lines } = load.value;
  if (!member)
    return (
      <s-admin-block heading={HEADING} collapsedSummary="Not a member yet">
        <s-paragraph>Not a member yet. This customer joins the loyalty program with their first paid order or sign-up.</s-paragraph>
      </s-admin-block>
    );
  return (
    <s-admin-block heading={HEADING} collapsedSummary={`${member.tier.name} · ${points(member.points.available)}`}>
      <s-stack gap="base">
        <MemberSummary member={member} />
        {lines.length > 0 ? <LedgerTable lines={lines} /> : <s-paragraph color="subdued">No points history yet.</s-paragraph>}
        <s-link href={memberPageHref(member.customerId)}>Open the member page</s-link>
      </s-stack>
    </s-admin-block>
  );
}

function MemberSummary({ member }: { member: AdminMember }) {
  const expiring = expiringSoon(member);
  const next = member.nextTier;
  return (
    <s-stack gap="small-200">
      <s-stack direction="inline" gap="small-200" alignItems="center">
        <s-badge>{member.tier.badge?.label ?? member.tier.name}</s-badge>
        <s-text type="strong">{`${points(member.points.available)} available`}</s-text>
      </s-stack>
      <s-text>{`${points(member.points.pending)} pending`}</s-text>
      {expiring && <s-text tone="warning">{`${points(expiring.points)} expire soon (first on ${day(expiring.first)})`}</s-text>}
      <s-text>{`Growth ${member.growth.toLocaleString("en-US")}`}</s-text>
      <s-text color="subdued">{next ? `${points(next.remaining)} to ${next.name}` : "At the top tier"}</s-text>
    </s-stack>
  );
}
