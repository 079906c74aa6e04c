import { Text } from "@medusajs/ui";
import { useMembershipSummary } from "../../shared/membership-hooks.ts";
import { valueShareText } from "../../shared/plans.ts";
import { Stat } from "./stat.tsx";

/** The share of paying members whose savings this period exceed their fee (asked apart: the totals never wait for it). */
export function MembershipShare() {
  const summary = useMembershipSummary();
  const s = summary.data;
  return (
    <dl className="grid grid-cols-1 gap-4 px-6 py-4" aria-label="Paid membership" data-membership-share="">
      <Stat term="Paid members who saved more than their fee">
        {s ? (
          <>
            {new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 0 }).format(s.shareExceedingFee)}{" "}
            <Text as="span" size="small" className="text-ui-fg-subtle">
              {valueShareText(s.valueExceedsFee, s.paying)}
            </Text>
          </>
        ) : summary.isError ? (
          "Could not load the membership figures."
        ) : (
          "…"
        )}
      </Stat>
    </dl>
  );
}
