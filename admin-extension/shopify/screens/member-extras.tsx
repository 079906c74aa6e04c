import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { formatDate } from "../../shared/format.ts";
import { membershipStatusLabel, tierSourceLabel, valueParts, valueSentence } from "../../shared/membership.ts";
import { useMemberExtras } from "../../shared/membership-hooks.ts";
import { formatMoney } from "../../shared/money.ts";
import { planFee } from "../../shared/plans.ts";
import { referralStatusLabel } from "../../shared/referrals.ts";
import type { MemberExtras } from "../../shared/types.ts";
import { ApiErrorBanner } from "./program-form/api-error-banner.tsx";
import { FitTable } from "./program-form/fit-table.tsx";

function MembershipCard({ extras }: { extras: MemberExtras }) {
  const m = extras.membership;
  return (
    <Card>
      <section aria-label="Membership" data-membership>
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center" gap="200">
            <Text as="h2" variant="headingMd">
              Membership
            </Text>
            <span data-tier-source={extras.tierSource}>
              <Text as="span" tone="subdued">
                Tier: {tierSourceLabel(extras.tierSource)}
              </Text>
            </span>
          </InlineStack>
          {m === null ? (
            <Text as="p" tone="subdued">
              No paid plan.
            </Text>
          ) : (
            <>
              <InlineStack gap="200" blockAlign="center" wrap>
                <Text as="p" fontWeight="semibold">
                  {m.plan.name} · {planFee(m.plan, m.plan.currency)}
                </Text>
                <Badge tone={m.status === "ACTIVE" ? "success" : m.status === "LAPSED" ? undefined : "attention"}>
                  {membershipStatusLabel(m.status)}
                </Badge>
              </InlineStack>
              <Text as="p">
                Current period {formatDate(m.currentPeriodStart)} – {formatDate(m.currentPeriodEnd)}; benefits until{" "}
                {formatDate(m.benefitsUntil)}. Member since {formatDate(m.startedAt)}.
              </Text>
              <Text as="p" fontWeight="medium" tone={m.value.exceedsFee ? "success" : undefined}>
                {valueSentence(m.value)}
              </Text>
              <FitTable
                label="Value realised"
                rows={[...valueParts(m.value), { label: "Total", amount: m.value.total }, { label: "Fee", amount: m.value.fee }]}
                rowKey={(r) => r.label}
                columns={[
                  { header: "Part", cell: (r) => r.label },
                  { header: "Amount", cell: (r) => formatMoney(r.amount, m.value.currency), numeric: true },
                ]}
              />
            </>
          )}
        </BlockStack>
      </section>
    </Card>
  );
}

function CampaignsCard({ extras }: { extras: MemberExtras }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Badges and stamp cards
        </Text>
        {extras.badges.length === 0 ? (
          <Text as="p" tone="subdued">
            No badges yet.
          </Text>
        ) : (
          <InlineStack gap="200" wrap>
            {extras.badges.map((b) => (
              <span key={b.key} title={`${b.description ?? b.name} · ${formatDate(b.earnedAt)}`} data-badge={b.key}>
                <Badge tone="info">{`${b.icon ? `${b.icon} ` : ""}${b.name}`}</Badge>
              </span>
            ))}
          </InlineStack>
        )}
        {extras.stampCards.length === 0 ? (
          <Text as="p" tone="subdued">
            No stamp cards.
          </Text>
        ) : (
          <BlockStack gap="100">
            {extras.stampCards.map((c) => (
              <Text as="p" key={c.id}>
                {c.name}: {c.collected} of {c.stamps} stamps · {c.completed} {c.completed === 1 ? "card" : "cards"} filled
              </Text>
            ))}
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}

function ReferralsCard({ extras }: { extras: MemberExtras }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Referrals
        </Text>
        <Text as="p">
          Referral code: <strong data-referral-code>{extras.referralCode ?? "none"}</strong>
        </Text>
        {extras.referrals.length === 0 ? (
          <Text as="p" tone="subdued">
            No referrals made yet.
          </Text>
        ) : (
          <BlockStack gap="100">
            {extras.referrals.map((r) => (
              <Text as="p" key={r.id}>
                {formatDate(r.createdAt)} · {r.refereeId} · {referralStatusLabel(r.status)}
                {r.points > 0 ? ` · ${r.points} points` : ""}
              </Text>
            ))}
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}

/** The member's paid membership, badges, stamp cards and referrals (asked separately: the balances never wait for them). */
export function MemberExtrasCards({ customerId, part }: { customerId: string; part: "membership" | "side" }) {
  const extras = useMemberExtras(customerId);
  if (extras.isError)
    return part === "membership" ? <ApiErrorBanner error={extras.error} title="Could not load the membership and referrals." /> : null;
  const data = extras.data;
  if (!data) return null;
  return part === "membership" ? (
    <MembershipCard extras={data} />
  ) : (
    <>
      <CampaignsCard extras={data} />
      <ReferralsCard extras={data} />
    </>
  );
}
