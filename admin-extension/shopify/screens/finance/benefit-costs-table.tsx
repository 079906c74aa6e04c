import { Text } from "@shopify/polaris";
import { type BenefitCost, benefitKindLabel } from "../../../shared/finance.ts";
import { formatNumber } from "../../../shared/format.ts";
import { formatLongMoney } from "../../../shared/long.ts";
import { FitTable } from "../program-form/fit-table.tsx";

/** Each benefit's cost against the paid orders of the members who used it. */
export function BenefitCostsTable({ costs }: { costs: BenefitCost[] }) {
  if (costs.length === 0)
    return (
      <Text as="p" tone="subdued">
        No benefit or reward was used this month.
      </Text>
    );
  return (
    <FitTable
      label="Benefit costs against members' orders"
      rows={costs}
      rowKey={(c) => c.key}
      columns={[
        { header: "Benefit", cell: (c) => c.name, title: (c) => `${c.name} (${c.key})`, width: "22%" },
        { header: "Kind", cell: (c) => benefitKindLabel(c.kind) },
        { header: "Uses", cell: (c) => formatNumber(c.uses), numeric: true },
        {
          header: "Estimated cost",
          cell: (c) => (c.estimatedCost === null ? "—" : formatLongMoney(c.estimatedCost, c.currency)),
          numeric: true,
        },
        { header: "Discounts given", cell: (c) => formatLongMoney(c.discountsGiven, c.currency), numeric: true },
        { header: "Members", cell: (c) => formatNumber(c.members), numeric: true },
        { header: "Their orders", cell: (c) => formatNumber(c.memberOrders), numeric: true },
        { header: "Their sales", cell: (c) => formatLongMoney(c.memberSales, c.currency), numeric: true },
      ]}
    />
  );
}
