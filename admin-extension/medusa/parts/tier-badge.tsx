import { Badge } from "@medusajs/ui";
import type { MemberTier } from "../../shared/types.ts";

/** The member's tier as a Medusa badge, with a dot in the tier's own badge color. */
export function TierBadge({ tier }: { tier: MemberTier }) {
  const label = tier.badge?.label || tier.name;
  return (
    <Badge size="small" rounded="full" className="gap-x-1.5" data-tier={tier.key}>
      {tier.badge?.color ? (
        <span
          aria-hidden="true"
          data-testid="tier-color"
          style={{ backgroundColor: tier.badge.color, width: 8, height: 8, borderRadius: 9999, display: "inline-block" }}
        />
      ) : null}
      {label}
    </Badge>
  );
}
