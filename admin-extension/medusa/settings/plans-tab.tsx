import { Table, Text } from "@medusajs/ui";
import { benefitsOf, issuesAt, parseIdList } from "../../shared/config-edit.ts";
import { formatNumber } from "../../shared/format.ts";
import { usePlanStats } from "../../shared/membership-hooks.ts";
import { parseWholeNumber } from "../../shared/parse.ts";
import {
  addPlan,
  movePlan,
  type PlanErrors,
  type PlanProductList,
  payingMembers,
  planErrors,
  planFee,
  plansHaveErrors,
  plansOf,
  removePlan,
  updatePlan,
  updatePlanProducts,
  valueShareText,
} from "../../shared/plans.ts";
import type { Plan } from "../../shared/program-config.ts";
import { tierOptions, withUnknownTier } from "../../shared/tier-options.ts";
import { ApiErrorAlert } from "../parts/api-error.tsx";
import { CheckboxField } from "../parts/checkbox-field.tsx";
import { MoneyInput } from "../parts/money-input.tsx";
import { ParsedInput } from "../parts/parsed-input.tsx";
import { SelectField } from "../parts/select-field.tsx";
import { SwitchField } from "../parts/switch-field.tsx";
import { TextField } from "../parts/text-field.tsx";
import { useReportInvalid } from "../parts/validity.tsx";
import { ItemCard } from "./item-card.tsx";
import { ItemList } from "./item-list.tsx";
import type { TabProps } from "./tab-props.ts";

const NO_TIER = "__none";
const ok = <T,>(value: T) => ({ ok: true as const, value });
const joinLines = (ids: string[]) => ids.join("\n");

const productLists: { list: PlanProductList; label: string; hint: string }[] = [
  { list: "productIds", label: "Product IDs", hint: "The membership product(s), one per line." },
  { list: "variantIds", label: "Variant IDs", hint: "Or only some of its variants." },
  { list: "sellingPlanIds", label: "Selling plan IDs", hint: "Shopify subscriptions; leave empty on Medusa." },
];

/** Members per saved plan and the share whose savings exceed the fee. */
function PlanStatsTable() {
  const stats = usePlanStats();
  if (stats.isError) return <ApiErrorAlert error={stats.error} title="Could not load the plans' members." />;
  if (!stats.data || stats.data.length === 0) return null;
  return (
    <Table aria-label="Members per plan">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell scope="col">Plan</Table.HeaderCell>
          <Table.HeaderCell scope="col">Fee</Table.HeaderCell>
          <Table.HeaderCell scope="col">Active</Table.HeaderCell>
          <Table.HeaderCell scope="col">Grace</Table.HeaderCell>
          <Table.HeaderCell scope="col">Ending</Table.HeaderCell>
          <Table.HeaderCell scope="col">Lapsed</Table.HeaderCell>
          <Table.HeaderCell scope="col">Saved more than the fee</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {stats.data.map((s) => (
          <Table.Row key={s.plan.key}>
            <Table.Cell>{s.plan.name}</Table.Cell>
            <Table.Cell>{planFee(s.plan, s.plan.currency)}</Table.Cell>
            <Table.Cell className="tabular-nums">{formatNumber(s.active)}</Table.Cell>
            <Table.Cell className="tabular-nums">{formatNumber(s.grace)}</Table.Cell>
            <Table.Cell className="tabular-nums">{formatNumber(s.ending)}</Table.Cell>
            <Table.Cell className="tabular-nums">{formatNumber(s.lapsed)}</Table.Cell>
            <Table.Cell>{valueShareText(s.valueExceedsFee, payingMembers(s))}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

/** Paid membership: plans bought as a product, with the tier and member prices they grant while paid. */
export function PlansTab({ config, edit, issues }: TabProps) {
  const plans = plansOf(config);
  useReportInvalid(plansHaveErrors(config));
  return (
    <div className="flex flex-col gap-y-4">
      <PlanStatsTable />
      <ItemList
        intro={
          "A plan is bought as a product: its paid order grants the plan for a period, a renewal extends it, a refund ends it. " +
          "A paying member holds at least the plan's tier and gets its member prices; the better of the paid and the earned tier wins."
        }
        listIssues={issuesAt(issues, "plans")}
        empty="No plans yet."
        count={plans.length}
        addLabel="Add plan"
        onAdd={() => edit((c) => addPlan(c))}
      >
        {plans.map((plan, i) => (
          <PlanCard
            // biome-ignore lint/suspicious/noArrayIndexKey: plan keys are editable; fields resync from their values
            key={i}
            plan={plan}
            index={i}
            count={plans.length}
            errors={planErrors(config, i)}
            {...{ config, edit, issues }}
          />
        ))}
      </ItemList>
    </div>
  );
}

function PlanCard({
  plan,
  index: i,
  count,
  errors,
  config,
  edit,
  issues,
}: Omit<TabProps, "saved"> & { plan: Plan; index: number; count: number; errors: PlanErrors }) {
  const at = (field: keyof PlanErrors) => {
    const own = errors[field];
    return own ? [own] : issuesAt(issues, "plans", i, field);
  };
  const set = (patch: Partial<Plan>) => edit((c) => updatePlan(c, i, patch));
  const memberPrices = benefitsOf(config);
  return (
    <ItemCard
      name={plan.name}
      noun="plan"
      index={i}
      count={count}
      onMove={(to) => edit((c) => movePlan(c, i, to))}
      onRemove={() => edit((c) => removePlan(c, i))}
      actions={<SwitchField label="On sale" checked={plan.enabled !== false} onChange={(enabled) => set({ enabled })} />}
    >
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextField label="Name" value={plan.name} errors={at("name")} onChange={(name) => set({ name })} />
        <TextField
          label="Plan key"
          value={plan.key}
          hint="Lowercase letters, digits, - and _. Memberships keep the key they were bought under."
          errors={at("key")}
          onChange={(key) => set({ key })}
        />
        <MoneyInput label="Price" value={plan.price} currency={config.currency} errors={at("price")} onChange={(price) => set({ price })} />
        <SelectField
          label="Billing period"
          value={plan.period}
          options={[
            { value: "month", label: "Monthly" },
            { value: "year", label: "Yearly" },
          ]}
          onChange={(period) => set({ period: period as Plan["period"] })}
        />
        <SelectField
          label="Tier while paid"
          value={plan.tier ?? NO_TIER}
          options={withUnknownTier([{ value: NO_TIER, label: "No tier (member prices only)" }, ...tierOptions(config)], plan.tier)}
          hint="The member holds at least this tier while the plan is paid."
          errors={at("tier")}
          onChange={(tier) => set({ tier: tier === NO_TIER ? undefined : tier })}
        />
        <ParsedInput
          label="Grace days"
          value={plan.graceDays ?? 7}
          format={String}
          parse={parseWholeNumber}
          inputMode="numeric"
          hint="Benefits continue this long after an unrenewed period ends (0 to 365)."
          errors={at("graceDays")}
          onChange={(graceDays) => graceDays !== undefined && set({ graceDays })}
        />
        <SelectField
          label="On refund or cancellation"
          value={plan.onRefund ?? "immediately"}
          options={[
            { value: "immediately", label: "End the membership at once" },
            { value: "periodEnd", label: "Keep it until the period ends" },
          ]}
          onChange={(onRefund) => set({ onRefund: onRefund as Plan["onRefund"] })}
        />
        <ParsedInput
          label="Reminder days"
          value={plan.reminderDays ?? 7}
          format={String}
          parse={parseWholeNumber}
          inputMode="numeric"
          hint="The renewal reminder event goes out this many days before the period ends (0 to 60)."
          errors={at("reminderDays")}
          onChange={(reminderDays) => reminderDays !== undefined && set({ reminderDays })}
        />
      </div>
      <CheckboxField
        label="Free shipping counts as value (shipping discounts on a paying member's orders)"
        checked={plan.freeShipping === true}
        onChange={(freeShipping) => set({ freeShipping })}
      />
      <fieldset className="flex flex-col gap-y-2">
        <legend className="txt-compact-small-plus mb-2">Member prices included whatever the tier</legend>
        {memberPrices.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle">
            No member prices in the program.
          </Text>
        ) : (
          <div className="flex flex-wrap gap-4">
            {memberPrices.map((b) => (
              <CheckboxField
                key={b.id}
                label={b.name}
                checked={(plan.benefits ?? []).includes(b.id)}
                onChange={(on) =>
                  set({ benefits: memberPrices.map((m) => m.id).filter((id) => (id === b.id ? on : (plan.benefits ?? []).includes(id))) })
                }
              />
            ))}
          </div>
        )}
        {at("benefits").length > 0 ? (
          <Text size="small" className="text-ui-fg-error" role="alert">
            {at("benefits").join(" ")}
          </Text>
        ) : null}
      </fieldset>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        {productLists.map(({ list, label, hint }) => (
          <ParsedInput
            key={list}
            label={label}
            value={plan.products[list] ?? []}
            format={joinLines}
            parse={(text) => ok(parseIdList(text))}
            multiline
            hint={hint}
            onChange={(ids) => ids !== undefined && edit((c) => updatePlanProducts(c, i, list, ids))}
          />
        ))}
      </div>
      {at("products").length > 0 ? (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {at("products").join(" ")}
        </Text>
      ) : null}
    </ItemCard>
  );
}
