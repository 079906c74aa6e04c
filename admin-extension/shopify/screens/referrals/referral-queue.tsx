import { Badge, BlockStack, Box, Button, ButtonGroup, Card, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { formatDateTime } from "../../../shared/format.ts";
import { useReferralReview, useReferrals } from "../../../shared/referral-hooks.ts";
import { canReview, flaggedFirst, REFERRAL_STATUSES, referralStatusLabel, signalLabel } from "../../../shared/referrals.ts";
import type { Referral, ReferralStatus } from "../../../shared/types.ts";
import { AppLink, memberPath } from "../../app/router.tsx";
import { toast } from "../../app/toast.ts";
import { ApiErrorBanner } from "../program-form/api-error-banner.tsx";

const ALL = "ALL";
const tones: Partial<Record<ReferralStatus, "critical" | "success" | "attention" | "info">> = {
  FLAGGED: "critical",
  PAID: "success",
  APPROVED: "info",
  PENDING: "attention",
};

/** The review queue: flagged referrals first with each fraud signal and its detail; approve or reject with a note. */
export function ReferralQueue() {
  const [filter, setFilter] = useState<string>("FLAGGED");
  const referrals = useReferrals(filter === ALL ? null : (filter as ReferralStatus));
  const review = useReferralReview();
  const rows = flaggedFirst((referrals.data as Referral[] | undefined) ?? []);

  async function decide(referral: Referral, approve: boolean) {
    const done = await review.decide(referral, approve);
    if (done) toast(approve ? "Referral approved" : "Referral rejected");
  }

  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center" gap="300" wrap>
          <Text as="h2" variant="headingMd">
            Referral review
          </Text>
          <div style={{ minWidth: "14rem" }}>
            <Select
              label="Show"
              labelInline
              value={filter}
              options={[
                { value: "FLAGGED", label: "Flagged (to review)" },
                { value: ALL, label: "All referrals" },
                ...REFERRAL_STATUSES.filter((s) => s !== "FLAGGED").map((s) => ({ value: s, label: referralStatusLabel(s) })),
              ]}
              onChange={setFilter}
            />
          </div>
        </InlineStack>
        {referrals.isError ? (
          <ApiErrorBanner error={referrals.error} title="Could not load the referrals." />
        ) : referrals.isPending ? (
          <Text as="p" tone="subdued">
            Loading referrals…
          </Text>
        ) : rows.length === 0 ? (
          <Text as="p" tone="subdued">
            {filter === "FLAGGED" ? "Nothing to review: no flagged referrals." : "No referrals here."}
          </Text>
        ) : (
          <ul
            aria-label="Referrals"
            style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: "var(--p-space-300)" }}
            aria-busy={referrals.isFetching}
          >
            {rows.map((r) => (
              <li key={r.id} data-referral={r.id} data-status={r.status}>
                <Box padding="300" borderWidth="025" borderColor="border" borderRadius="200">
                  <BlockStack gap="200">
                    <InlineStack gap="200" blockAlign="center" wrap>
                      <Badge tone={tones[r.status]}>{referralStatusLabel(r.status)}</Badge>
                      <Text as="span" fontWeight="semibold">
                        Code {r.code}
                      </Text>
                      <Text as="span" tone="subdued">
                        {formatDateTime(r.createdAt)} · order {r.orderId}
                      </Text>
                    </InlineStack>
                    <Text as="p">
                      Referrer <AppLink to={memberPath(r.referrerId)}>{r.referrerId}</AppLink> → referee{" "}
                      <AppLink to={memberPath(r.refereeId)}>{r.refereeId}</AppLink>
                      {r.points > 0 ? ` · ${r.points} points paid` : ""}
                    </Text>
                    {r.signals.length > 0 ? (
                      <ul aria-label="Fraud signals" style={{ margin: 0, paddingInlineStart: "1.25rem" }}>
                        {r.signals.map((s) => (
                          <li key={s.name} data-signal={s.name}>
                            <Text as="span" fontWeight="medium">
                              {signalLabel(s.name)}
                            </Text>
                            : {s.detail}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {canReview(r) ? (
                      <BlockStack gap="200">
                        <TextField
                          label="Note"
                          value={review.note(r.id)}
                          onChange={(t) => review.setNote(r.id, t)}
                          autoComplete="off"
                          placeholder="Why (kept in the audit log)"
                          error={review.error(r.id)?.code === "Note" ? review.error(r.id)?.message : undefined}
                        />
                        <ButtonGroup>
                          <Button
                            variant="primary"
                            loading={review.busy === r.id}
                            disabled={review.busy !== null}
                            accessibilityLabel={`Approve referral ${r.code} of ${r.refereeId}`}
                            onClick={() => void decide(r, true)}
                          >
                            Approve
                          </Button>
                          <Button
                            tone="critical"
                            disabled={review.busy !== null}
                            accessibilityLabel={`Reject referral ${r.code} of ${r.refereeId}`}
                            onClick={() => void decide(r, false)}
                          >
                            Reject
                          </Button>
                        </ButtonGroup>
                      </BlockStack>
                    ) : r.decidedAt ? (
                      <Text as="p" tone="subdued">
                        {referralStatusLabel(r.status)} by {r.decidedBy ?? "the engine"} on {formatDateTime(r.decidedAt)}
                        {r.note ? `: “${r.note}”` : ""}
                      </Text>
                    ) : null}
                    {review.error(r.id) && review.error(r.id)?.code !== "Note" ? (
                      <ApiErrorBanner error={review.error(r.id)} title="The decision was not saved." />
                    ) : null}
                  </BlockStack>
                </Box>
              </li>
            ))}
          </ul>
        )}
        {referrals.hasNextPage ? (
          <div>
            <Button loading={referrals.isFetchingNextPage} onClick={() => void referrals.fetchNextPage()}>
              Load more
            </Button>
          </div>
        ) : null}
      </BlockStack>
    </Card>
  );
}
