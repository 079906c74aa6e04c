import { Badge, Button, Container, Heading, Input, Label, Text, toast } from "@medusajs/ui";
import { useId, useState } from "react";
import { useReferralReview, useReferrals } from "../shared/referral-hooks.ts";
import { canReview, flaggedFirst, REFERRAL_STATUSES, referralStatusLabel, signalLabel } from "../shared/referrals.ts";
import type { Referral, ReferralStatus } from "../shared/types.ts";
import { ApiErrorAlert } from "./parts/api-error.tsx";
import { formatDateTime } from "./parts/format.ts";
import { AdminLink } from "./parts/link.tsx";
import { SelectField } from "./parts/select-field.tsx";
import { loyaltyPaths } from "./paths.ts";

const ALL = "ALL";
const colors: Partial<Record<ReferralStatus, "red" | "green" | "blue" | "orange">> = {
  FLAGGED: "red",
  PAID: "green",
  APPROVED: "blue",
  PENDING: "orange",
};

/** Loyalty → Referrals: the review queue, flagged referrals first with each fraud signal; approve or reject with a note. */
export function ReferralsPage() {
  const headingId = useId();
  const [filter, setFilter] = useState<string>("FLAGGED");
  const referrals = useReferrals(filter === ALL ? null : (filter as ReferralStatus));
  const review = useReferralReview();
  const rows = flaggedFirst((referrals.data as Referral[] | undefined) ?? []);

  async function decide(referral: Referral, approve: boolean) {
    const done = await review.decide(referral, approve);
    if (done) toast.success(approve ? "Referral approved" : "Referral rejected");
  }

  return (
    <Container className="divide-y p-0" role="region" aria-labelledby={headingId}>
      <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1" id={headingId}>
            Referrals
          </Heading>
          <Text size="small" className="text-ui-fg-subtle">
            A referral caught by a fraud check waits here for your decision; clean ones pay automatically. Settings are under{" "}
            <AdminLink to={loyaltyPaths.settings}>Settings → Loyalty → Referrals</AdminLink>.
          </Text>
        </div>
        <SelectField
          className="flex min-w-[14rem] flex-col gap-y-2"
          label="Show"
          value={filter}
          options={[
            { value: "FLAGGED", label: "Flagged (to review)" },
            { value: ALL, label: "All referrals" },
            ...REFERRAL_STATUSES.filter((s) => s !== "FLAGGED").map((s) => ({ value: s, label: referralStatusLabel(s) })),
          ]}
          onChange={setFilter}
        />
      </div>
      <div className="px-6 py-4">
        {referrals.isError ? (
          <ApiErrorAlert error={referrals.error} title="Could not load the referrals." />
        ) : referrals.isPending ? (
          <Text size="small" className="text-ui-fg-subtle" aria-busy="true">
            Loading referrals…
          </Text>
        ) : rows.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle" data-empty-state="">
            {filter === "FLAGGED" ? "Nothing to review: no flagged referrals." : "No referrals here."}
          </Text>
        ) : (
          <ul aria-label="Referrals" className="flex flex-col gap-y-3" aria-busy={referrals.isFetching}>
            {rows.map((r) => (
              <ReferralItem key={r.id} referral={r} review={review} onDecide={(approve) => void decide(r, approve)} />
            ))}
          </ul>
        )}
        {referrals.hasNextPage ? (
          <Button
            type="button"
            size="small"
            variant="secondary"
            className="mt-4"
            isLoading={referrals.isFetchingNextPage}
            onClick={() => void referrals.fetchNextPage()}
          >
            Load more
          </Button>
        ) : null}
      </div>
    </Container>
  );
}

function ReferralItem({
  referral: r,
  review,
  onDecide,
}: {
  referral: Referral;
  review: ReturnType<typeof useReferralReview>;
  onDecide: (approve: boolean) => void;
}) {
  const noteId = useId();
  const error = review.error(r.id);
  return (
    <li className="flex flex-col gap-y-2 rounded-lg border border-ui-border-base p-4" data-referral={r.id} data-status={r.status}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge size="small" color={colors[r.status] ?? "grey"}>
          {referralStatusLabel(r.status)}
        </Badge>
        <Text size="small" weight="plus">
          Code {r.code}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {formatDateTime(r.createdAt)} · order {r.orderId}
        </Text>
      </div>
      <Text size="small">
        Referrer <AdminLink to={loyaltyPaths.member(r.referrerId)}>{r.referrerId}</AdminLink> → referee{" "}
        <AdminLink to={loyaltyPaths.member(r.refereeId)}>{r.refereeId}</AdminLink>
        {r.points > 0 ? ` · ${r.points} points paid` : ""}
      </Text>
      {r.signals.length > 0 ? (
        <ul aria-label="Fraud signals" className="list-disc pl-5 txt-small">
          {r.signals.map((s) => (
            <li key={s.name} data-signal={s.name} className="[overflow-wrap:anywhere]">
              <strong>{signalLabel(s.name)}</strong>: {s.detail}
            </li>
          ))}
        </ul>
      ) : null}
      {canReview(r) ? (
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex min-w-[16rem] flex-1 flex-col gap-y-2">
            <Label htmlFor={noteId} size="small" weight="plus">
              Note
            </Label>
            <Input
              id={noteId}
              size="small"
              value={review.note(r.id)}
              placeholder="Why (kept in the audit log)"
              aria-invalid={error?.code === "Note" ? true : undefined}
              onChange={(e) => review.setNote(r.id, e.target.value)}
            />
          </div>
          <Button
            type="button"
            size="small"
            isLoading={review.busy === r.id}
            disabled={review.busy !== null}
            aria-label={`Approve referral ${r.code} of ${r.refereeId}`}
            onClick={() => onDecide(true)}
          >
            Approve
          </Button>
          <Button
            type="button"
            size="small"
            variant="danger"
            disabled={review.busy !== null}
            aria-label={`Reject referral ${r.code} of ${r.refereeId}`}
            onClick={() => onDecide(false)}
          >
            Reject
          </Button>
        </div>
      ) : r.decidedAt ? (
        <Text size="small" className="text-ui-fg-subtle">
          {referralStatusLabel(r.status)} by {r.decidedBy ?? "the engine"} on {formatDateTime(r.decidedAt)}
          {r.note ? `: “${r.note}”` : ""}
        </Text>
      ) : null}
      {error ? (
        error.code === "Note" ? (
          <Text size="small" className="text-ui-fg-error" role="alert">
            {error.message}
          </Text>
        ) : (
          <ApiErrorAlert error={error} title="The decision was not saved." />
        )
      ) : null}
    </li>
  );
}
