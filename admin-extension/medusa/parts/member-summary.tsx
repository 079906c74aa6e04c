import { Text } from "@medusajs/ui";
import type { AdminMember } from "../../shared/types.ts";
import { formatDate, formatNumber } from "./format.ts";
import { Stat } from "./stat.tsx";

/** A member's balances, growth, next tier and the points expiring in the next 30 days. */
export function MemberSummary({ member }: { member: AdminMember }) {
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
