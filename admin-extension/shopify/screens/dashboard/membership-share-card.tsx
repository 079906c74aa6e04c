import { BlockStack, Card, Text } from "@shopify/polaris";
import { useMembershipSummary } from "../../../shared/membership-hooks.ts";
import { valueShareText } from "../../../shared/plans.ts";

/** The share of paying members whose savings this period exceed their fee (the engine's figures). */
export function MembershipShareCard() {
  const summary = useMembershipSummary();
  const s = summary.data;
  return (
    <Card>
      <dl style={{ margin: 0 }} data-membership-share>
        <BlockStack gap="100">
          <dt>
            <Text as="span" tone="subdued">
              Paid members who saved more than their fee
            </Text>
          </dt>
          <dd style={{ margin: 0 }}>
            <BlockStack gap="100">
              <Text as="span" variant="headingXl" numeric>
                {s
                  ? new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 0 }).format(s.shareExceedingFee)
                  : summary.isError
                    ? "—"
                    : "…"}
              </Text>
              <Text as="span" tone="subdued" variant="bodySm">
                {s ? valueShareText(s.valueExceedsFee, s.paying) : summary.isError ? "Could not load the membership figures." : "Loading…"}
              </Text>
            </BlockStack>
          </dd>
        </BlockStack>
      </dl>
    </Card>
  );
}
