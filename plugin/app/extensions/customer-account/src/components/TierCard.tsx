/** @jsxImportSource preact */
import { expiringSoon, tierProgress } from "../data/progress.ts";
import { day, points } from "../data/text.ts";
import type { Member } from "../data/types.ts";

/** The member's tier badge, progress to the next tier, and points: available, pending, expiring soon. */
export function TierCard({ member }: { member: Member }) {
  const progress = tierProgress(member);
  const expiring = expiringSoon(member);
  return (
    <s-section heading="Your membership">
      <s-stack gap="base">
        <s-stack direction="inline" gap="small-200" alignItems="center">
          <s-text type="strong">Tier</s-text>
          <s-badge tone="auto">{member.tier.badge?.label ?? member.tier.name}</s-badge>
        </s-stack>
        {progress ? (
          <s-stack gap="small-200">
            <s-progress value={progress.percent} max={100} accessibilityLabel={`Progress to ${progress.nextName}`} />
            <s-text>{`${points(progress.remaining)} to ${progress.nextName}`}</s-text>
          </s-stack>
        ) : (
          <s-text>You are at the top tier.</s-text>
        )}
        <s-text type="strong">{`${points(member.points.available)} available`}</s-text>
        {member.points.pending > 0 && <s-text color="subdued">{`${points(member.points.pending)} pending`}</s-text>}
        {expiring && <s-text tone="warning">{`${points(expiring.points)} expire soon (first on ${day(expiring.first)})`}</s-text>}
      </s-stack>
    </s-section>
  );
}
