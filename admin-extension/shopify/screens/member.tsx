import { Badge, Banner, BlockStack, Card, InlineGrid, Layout, Text } from "@shopify/polaris";
import { useMember, useProgram } from "../../shared/hooks.ts";
import type { AdminMember } from "../../shared/types.ts";
import { useRouteCustomerId } from "../app/customer-id.ts";
import { formatDate, formatNumber } from "../app/format.ts";
import { useRouter } from "../app/router.tsx";
import { ScreenFrame } from "../app/screen-frame.tsx";
import { MemberExtrasCards } from "./member-extras.tsx";
import { AdjustPointsForm, OverrideTierForm } from "./member-forms.tsx";
import { MemberInsightCard } from "./member-insight-card.tsx";
import { MemberLedger } from "./member-ledger.tsx";

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingLg">
        {value}
      </Text>
    </BlockStack>
  );
}

function Summary({ member }: { member: AdminMember }) {
  const expiring = member.points.expiringSoon.reduce((sum, e) => sum + e.points, 0);
  const firstExpiry = member.points.expiringSoon[0]?.on;
  return (
    <Card>
      <BlockStack gap="400">
        <InlineGrid columns={{ xs: 2, md: 4 }} gap="400">
          <Figure label="Points available" value={formatNumber(member.points.available)} />
          <Figure label="Pending" value={formatNumber(member.points.pending)} />
          <Figure label="Expiring in 30 days" value={formatNumber(expiring)} />
          <Figure label="Growth" value={formatNumber(member.growth)} />
        </InlineGrid>
        <Text as="p">
          {member.nextTier ? `${formatNumber(member.nextTier.remaining)} growth to ${member.nextTier.name}.` : "In the top tier."}
          {firstExpiry ? ` The first points expire on ${formatDate(firstExpiry)}.` : ""}
        </Text>
        {member.override && (
          <Banner tone="info" title="Tier override in force">
            <Text as="p">
              Held in {member.tier.name}
              {member.override.until ? ` until ${formatDate(member.override.until)}` : " with no end date"}: {member.override.reason} (by{" "}
              {member.override.actor}, {formatDate(member.override.setAt)})
            </Text>
          </Banner>
        )}
      </BlockStack>
    </Card>
  );
}

/** One member: balances, tier and growth, the override in force, the ledger, and the owner's two manual actions. */
export function MemberScreen() {
  const customerId = useRouteCustomerId() ?? "";
  const { navigate } = useRouter();
  const member = useMember(customerId);
  const program = useProgram();
  const m = member.data;
  const title = m ? String(nameOf(m) ?? customerId) : "Member";
  return (
    <ScreenFrame
      title={title}
      {...(m
        ? {
            titleMetadata: <Badge tone="info">{m.tier.name}</Badge>,
            subtitle: `Customer ${customerId} · member since ${formatDate(m.joinedAt)}`,
          }
        : {})}
      backAction={{ content: "Members", onAction: () => navigate("/app/members") }}
      loading={member.isPending}
      error={member.error}
    >
      {m === null ? (
        <Banner tone="warning" title="Not a member">
          <Text as="p">Customer {customerId} is not a member of the program yet.</Text>
        </Banner>
      ) : m ? (
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              <Summary member={m} />
              <MemberExtrasCards customerId={customerId} part="membership" />
              <MemberLedger customerId={customerId} />
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <MemberInsightCard customerId={customerId} currency={program.data?.config.currency ?? "USD"} />
              <AdjustPointsForm customerId={customerId} />
              <OverrideTierForm
                key={JSON.stringify(m.override)}
                customerId={customerId}
                tiers={program.data?.config.tiers ?? []}
                current={m.override ?? null}
              />
              <MemberExtrasCards customerId={customerId} part="side" />
            </BlockStack>
          </Layout.Section>
        </Layout>
      ) : null}
    </ScreenFrame>
  );
}

function nameOf(m: AdminMember): string | null {
  const name = [m.profile.firstName, m.profile.lastName].filter(Boolean).join(" ");
  return name || m.profile.email || null;
}
