import { BlockStack, Checkbox, InlineStack, Text } from "@shopify/polaris";
import { benefitsOf, issuesAt, parseIdList } from "../../shared/config-edit.ts";
import { parseWholeNumber } from "../../shared/parse.ts";
import {
  addPlan,
  movePlan,
  type PlanErrors,
  type PlanProductList,
  planErrors,
  plansHaveErrors,
  plansOf,
  removePlan,
  updatePlan,
  updatePlanProducts,
} from "../../shared/plans.ts";
import type { Plan } from "../../shared/program-config.ts";
import type { TabProps } from "../../shared/tab-props.ts";
import { tierOptions, withUnknownTier } from "../../shared/tier-options.ts";
import { useReportInvalid } from "../../shared/validity.ts";
import { PlanStatsCard } from "./plans/plan-stats-card.tsx";
import { FormGrid } from "./program-form/form-grid.tsx";
import { ItemCard } from "./program-form/item-card.tsx";
import { ItemList } from "./program-form/item-list.tsx";
import { MoneyField } from "./program-form/money-field.tsx";
import { ParsedField } from "./program-form/parsed-field.tsx";
import { ProgramScreen } from "./program-form/program-screen.tsx";
import { SelectInput } from "./program-form/select-input.tsx";
import { TextInput } from "./program-form/text-input.tsx";

const NO_TIER = "__none";
const ok = <T,>(value: T) => ({ ok: true as const, value });
const joinLines = (ids: string[]) => ids.join("\n");

const productLists: { list: PlanProductList; label: string; help: string }[] = [
  { list: "productIds", label: "Product IDs", help: "The membership product(s), one per line." },
  { list: "variantIds", label: "Variant IDs", help: "Or only some of its variants." },
  { list: "sellingPlanIds", label: "Selling plan IDs", help: "Subscriptions that renew it automatically." },
];

/** Paid membership: plans bought as a product, with the tier and benefits they grant while paid. */
export function PlansScreen() {
  return (
    <ProgramScreen title="Plans" section="plans" aside={() => <PlanStatsCard />}>
      {(props) => <PlansForm {...props} />}
    </ProgramScreen>
  );
}

function PlansForm({ config, edit, issues }: TabProps) {
  const plans = plansOf(config);
  useReportInvalid(plansHaveErrors(config));
  return (
    <ItemList
      intro={
        "A plan is bought as a product: its paid order grants the plan for a period, a renewal extends it, a refund ends it. " +
        "A paying member holds at least the plan's tier and gets its benefits; the better of the paid and the earned tier wins."
      }
      listIssues={issuesAt(issues, "plans")}
      empty="No plans yet."
      count={plans.length}
      addLabel="Add plan"
      onAdd={() => edit((c) => addPlan(c))}
    >
      <BlockStack gap="400">
        {plans.map((plan, i) => (
          <PlanCard
            // biome-ignore lint/suspicious/noArrayIndexKey: plan keys are editable; fields resync from their values
            key={i}
            index={i}
            plan={plan}
            count={plans.length}
            errors={planErrors(config, i)}
            {...{ config, edit, issues }}
          />
        ))}
      </BlockStack>
    </ItemList>
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
  const at = (field: keyof PlanErrors, ...path: (string | number)[]) => {
    const own = errors[field];
    return own ? [own] : issuesAt(issues, "plans", i, field, ...path);
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
      actions={<Checkbox label="On sale" checked={plan.enabled !== false} onChange={(enabled) => set({ enabled })} />}
    >
      <FormGrid>
        <TextInput label="Name" value={plan.name} errors={at("name")} onChange={(name) => set({ name })} />
        <TextInput
          label="Plan key"
          value={plan.key}
          helpText="Lowercase letters, digits, - and _. Memberships keep the key they were bought under."
          errors={at("key")}
          onChange={(key) => set({ key })}
        />
        <MoneyField label="Price" value={plan.price} currency={config.currency} errors={at("price")} onChange={(price) => set({ price })} />
        <SelectInput
          label="Billing period"
          value={plan.period}
          options={[
            { value: "month", label: "Monthly" },
            { value: "year", label: "Yearly" },
          ]}
          onChange={(period) => set({ period: period as Plan["period"] })}
        />
        <SelectInput
          label="Tier while paid"
          value={plan.tier ?? NO_TIER}
          options={withUnknownTier([{ value: NO_TIER, label: "No tier (benefits only)" }, ...tierOptions(config)], plan.tier)}
          helpText="The member holds at least this tier while the plan is paid."
          errors={at("tier")}
          onChange={(tier) => set({ tier: tier === NO_TIER ? undefined : tier })}
        />
        <ParsedField
          label="Grace days"
          value={plan.graceDays ?? 7}
          format={String}
          parse={parseWholeNumber}
          inputMode="numeric"
          helpText="Benefits continue this long after an unrenewed period ends (0 to 365)."
          errors={at("graceDays")}
          onChange={(graceDays) => graceDays !== undefined && set({ graceDays })}
        />
        <SelectInput
          label="On refund or cancellation"
          value={plan.onRefund ?? "immediately"}
          options={[
            { value: "immediately", label: "End the membership at once" },
            { value: "periodEnd", label: "Keep it until the period ends" },
          ]}
          onChange={(onRefund) => set({ onRefund: onRefund as Plan["onRefund"] })}
        />
        <ParsedField
          label="Reminder days"
          value={plan.reminderDays ?? 7}
          format={String}
          parse={parseWholeNumber}
          inputMode="numeric"
          helpText="The renewal reminder event goes out this many days before the period ends (0 to 60)."
          errors={at("reminderDays")}
          onChange={(reminderDays) => reminderDays !== undefined && set({ reminderDays })}
        />
      </FormGrid>
      <BlockStack gap="200">
        <Checkbox
          label="Free shipping counts as value"
          helpText="Shipping discounts on a paying member's orders are part of what the plan saved them."
          checked={plan.freeShipping === true}
          onChange={(freeShipping) => set({ freeShipping })}
        />
        <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
          <legend>
            <Text as="span" fontWeight="medium">
              Member prices included whatever the tier
            </Text>
          </legend>
          {memberPrices.length === 0 ? (
            <Text as="p" tone="subdued">
              No member prices in the program.
            </Text>
          ) : (
            <InlineStack gap="400" wrap>
              {memberPrices.map((b) => (
                <Checkbox
                  key={b.id}
                  label={b.name}
                  checked={(plan.benefits ?? []).includes(b.id)}
                  onChange={(on) =>
                    set({
                      benefits: memberPrices.map((m) => m.id).filter((id) => (id === b.id ? on : (plan.benefits ?? []).includes(id))),
                    })
                  }
                />
              ))}
            </InlineStack>
          )}
          {at("benefits").length > 0 ? (
            <Text as="p" tone="critical">
              {at("benefits").join(" ")}
            </Text>
          ) : null}
        </fieldset>
      </BlockStack>
      <FormGrid columns={3}>
        {productLists.map(({ list, label, help }) => (
          <ParsedField
            key={list}
            label={label}
            value={plan.products[list] ?? []}
            format={joinLines}
            parse={(text) => ok(parseIdList(text))}
            multiline={2}
            helpText={help}
            onChange={(ids) => ids !== undefined && edit((c) => updatePlanProducts(c, i, list, ids))}
          />
        ))}
      </FormGrid>
      {at("products").length > 0 ? (
        <div role="alert">
          <Text as="p" tone="critical">
            {at("products").join(" ")}
          </Text>
        </div>
      ) : null}
    </ItemCard>
  );
}
