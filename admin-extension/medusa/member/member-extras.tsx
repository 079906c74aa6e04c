import { Badge, Heading, Table, Text } from "@medusajs/ui";
import { membershipStatusLabel, tierSourceLabel, valueParts, valueSentence } from "../../shared/membership.ts";
import { useMemberExtras } from "../../shared/membership-hooks.ts";
import { formatMoney } from "../../shared/money.ts";
import { planFee } from "../../shared/plans.ts";
import { referralStatusLabel } from "../../shared/referrals.ts";
import type { MemberExtras } from "../../shared/types.ts";
import { ApiErrorAlert } from "../parts/api-error.tsx";
import { formatDate } from "../parts/format.ts";

function Membership({ extras }: { extras: MemberExtras }) {
  const m = extras.membership;
  return (
    <section className="flex flex-col gap-y-2 px-6 py-4" aria-label="Membership" data-membership="">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Heading level="h3">Membership</Heading>
        <Text size="small" className="text-ui-fg-subtle" data-tier-source={extras.tierSource}>
          Tier: {tierSourceLabel(extras.tierSource)}
        </Text>
      </div>
      {m === null ? (
        <Text size="small" className="text-ui-fg-subtle">
          No paid plan.
        </Text>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <Text size="small" weight="plus">
              {m.plan.name} · {planFee(m.plan, m.plan.currency)}
            </Text>
            <Badge size="small" color={m.status === "ACTIVE" ? "green" : m.status === "LAPSED" ? "grey" : "orange"}>
              {membershipStatusLabel(m.status)}
            </Badge>
          </div>
          <Text size="small">
            Current period {formatDate(m.currentPeriodStart)} – {formatDate(m.currentPeriodEnd)}; benefits until{" "}
            {formatDate(m.benefitsUntil)}. Member since {formatDate(m.startedAt)}.
          </Text>
          <Text size="small" weight="plus" data-value-total="">
            {valueSentence(m.value)}
          </Text>
          <Table aria-label="Value realised">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Part</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="text-right">
                  Amount
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {[...valueParts(m.value), { label: "Total", amount: m.value.total }, { label: "Fee", amount: m.value.fee }].map((p) => (
                <Table.Row key={p.label}>
                  <Table.Cell>{p.label}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{formatMoney(p.amount, m.value.currency)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      )}
    </section>
  );
}

function Campaigns({ extras }: { extras: MemberExtras }) {
  return (
    <section className="flex flex-col gap-y-2 px-6 py-4" aria-label="Badges and stamp cards">
      <Heading level="h3">Badges and stamp cards</Heading>
      {extras.badges.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          No badges yet.
        </Text>
      ) : (
        <div className="flex flex-wrap gap-2">
          {extras.badges.map((b) => (
            <Badge
              key={b.key}
              size="small"
              rounded="full"
              data-badge={b.key}
              title={`${b.description ?? b.name} · ${formatDate(b.earnedAt)}`}
            >
              {b.icon ? `${b.icon} ` : ""}
              {b.name}
            </Badge>
          ))}
        </div>
      )}
      {extras.stampCards.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          No stamp cards.
        </Text>
      ) : (
        extras.stampCards.map((c) => (
          <Text size="small" key={c.id} data-stamp-card={c.id}>
            {c.name}: {c.collected} of {c.stamps} stamps · {c.completed} {c.completed === 1 ? "card" : "cards"} filled
          </Text>
        ))
      )}
    </section>
  );
}

function Referrals({ extras }: { extras: MemberExtras }) {
  return (
    <section className="flex flex-col gap-y-2 px-6 py-4" aria-label="Referrals">
      <Heading level="h3">Referrals</Heading>
      <Text size="small">
        Referral code: <strong data-referral-code="">{extras.referralCode ?? "none"}</strong>
      </Text>
      {extras.referrals.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          No referrals made yet.
        </Text>
      ) : (
        extras.referrals.map((r) => (
          <Text size="small" key={r.id}>
            {formatDate(r.createdAt)} · {r.refereeId} · {referralStatusLabel(r.status)}
            {r.points > 0 ? ` · ${r.points} points` : ""}
          </Text>
        ))
      )}
    </section>
  );
}

/** The member's paid membership (value realised against the fee), badges, stamp cards and referrals. */
export function MemberExtrasSections({ customerId }: { customerId: string }) {
  const extras = useMemberExtras(customerId);
  if (extras.isError)
    return (
      <div className="px-6 py-4">
        <ApiErrorAlert error={extras.error} title="Could not load the membership and referrals." />
      </div>
    );
  if (!extras.data) return null;
  return (
    <div className="divide-y">
      <Membership extras={extras.data} />
      <Campaigns extras={extras.data} />
      <Referrals extras={extras.data} />
    </div>
  );
}
