import { BlockStack, Card, Text } from "@shopify/polaris";
import { formatNumber } from "../../../shared/format.ts";
import { usePlanStats } from "../../../shared/membership-hooks.ts";
import { payingMembers, planFee, valueShareText } from "../../../shared/plans.ts";
import { ApiErrorBanner } from "../program-form/api-error-banner.tsx";
import { FitTable } from "../program-form/fit-table.tsx";

/** Each saved plan's members now, per status, and how many got more than their fee's worth this period. */
export function PlanStatsCard() {
  const stats = usePlanStats();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Members per plan
        </Text>
        {stats.isError ? (
          <ApiErrorBanner error={stats.error} title="Could not load the plans' members." />
        ) : !stats.data ? (
          <Text as="p" tone="subdued">
            Loading…
          </Text>
        ) : stats.data.length === 0 ? (
          <Text as="p" tone="subdued">
            No plans saved yet.
          </Text>
        ) : (
          <FitTable
            label="Members per plan"
            rows={stats.data}
            rowKey={(s) => s.plan.key}
            columns={[
              { header: "Plan", cell: (s) => s.plan.name, title: (s) => `${s.plan.name} (${s.plan.key})`, width: "22%" },
              { header: "Fee", cell: (s) => planFee(s.plan, s.plan.currency) },
              { header: "Active", cell: (s) => formatNumber(s.active), numeric: true },
              { header: "Grace", cell: (s) => formatNumber(s.grace), numeric: true },
              { header: "Ending", cell: (s) => formatNumber(s.ending), numeric: true },
              { header: "Lapsed", cell: (s) => formatNumber(s.lapsed), numeric: true },
              { header: "Saved more than the fee", cell: (s) => valueShareText(s.valueExceedsFee, payingMembers(s)), width: "24%" },
            ]}
          />
        )}
      </BlockStack>
    </Card>
  );
}
