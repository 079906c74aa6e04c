import { BlockStack, Checkbox, Text } from "@shopify/polaris";
import { useState } from "react";
import {
  addPartner,
  DEFAULT_CLAIM_LIMIT,
  duplicateKeyIssues,
  issuesAt,
  movePartner,
  partnersOf,
  removePartner,
  updatePartner,
  updatePartnerClaimLimit,
} from "../../shared/config-edit.ts";
import { usePartnerSettlement } from "../../shared/hooks.ts";
import { currentMonth, monthRange } from "../../shared/months.ts";
import { parseWholeNumber } from "../../shared/parse.ts";
import type { Period } from "../../shared/program-config.ts";
import type { TabProps } from "../../shared/tab-props.ts";
import { ANY_TIER, tierOptions, withUnknownTier } from "../../shared/tier-options.ts";
import type { PartnerSettlement } from "../../shared/types.ts";
import { PartnerSettlementCard } from "./partners/partner-settlement-card.tsx";
import { PerkCodePool } from "./partners/perk-code-pool.tsx";
import { FormGrid } from "./program-form/form-grid.tsx";
import { ItemCard } from "./program-form/item-card.tsx";
import { ItemList } from "./program-form/item-list.tsx";
import { MoneyField } from "./program-form/money-field.tsx";
import { ParsedField } from "./program-form/parsed-field.tsx";
import { ProgramScreen } from "./program-form/program-screen.tsx";
import { SelectInput } from "./program-form/select-input.tsx";
import { TextInput } from "./program-form/text-input.tsx";

const periods: { value: Period; label: string }[] = [
  { value: "day", label: "Per day" },
  { value: "week", label: "Per week" },
  { value: "month", label: "Per month" },
  { value: "year", label: "Per year" },
  { value: "lifetime", label: "Ever (never resets)" },
];

/** Co-branded partners: members claim a partner's perk code; the merchant settles up per claimed code. */
export function PartnersScreen() {
  const [month, setMonth] = useState<string | null>(null);
  return (
    <ProgramScreen title="Partners" section="partners">
      {({ config, saved, edit, issues }) => (
        <PartnersForm
          month={month ?? currentMonth(new Date(), saved.timezone)}
          onMonthChange={setMonth}
          {...{ config, saved, edit, issues }}
        />
      )}
    </ProgramScreen>
  );
}

function PartnersForm({
  config,
  saved,
  edit,
  issues,
  month,
  onMonthChange,
}: TabProps & { month: string; onMonthChange: (m: string) => void }) {
  const partners = partnersOf(config);
  const savedKeys = new Set(partnersOf(saved).map((p) => p.key));
  const range = monthRange(month, saved.timezone);
  const settlement = usePartnerSettlement(range.from, range.to);
  const rows = settlement.data as PartnerSettlement[] | undefined;
  // A duplicate key is reported on the whole list; it shows at the key fields that have it instead.
  const placed = new Set(partners.flatMap((p) => duplicateKeyIssues(issues, "partners", p.key)));
  const listIssues = issuesAt(issues, "partners").filter((m) => !placed.has(m));
  return (
    <BlockStack gap="500">
      <ItemList
        intro={
          "Members from a partner's minimum tier up claim one of its perk codes, within the claim limit. " +
          "You pay the partner its settlement price for each code claimed."
        }
        listIssues={listIssues}
        empty="No partners yet."
        count={partners.length}
        addLabel="Add partner"
        onAdd={() => edit((c) => addPartner(c))}
      >
        <BlockStack gap="400">
          {partners.map((partner, i) => {
            const at = (...path: (string | number)[]) => issuesAt(issues, "partners", i, ...path);
            const limit = partner.claimLimit ?? DEFAULT_CLAIM_LIMIT;
            const stock = rows?.find((s) => s.partner === partner.key);
            return (
              <ItemCard
                // biome-ignore lint/suspicious/noArrayIndexKey: partner keys are editable; fields resync from their values
                key={i}
                name={partner.name}
                noun="partner"
                index={i}
                count={partners.length}
                onMove={(to) => edit((c) => movePartner(c, i, to))}
                onRemove={() => edit((c) => removePartner(c, i))}
                actions={
                  <Checkbox
                    label="Enabled"
                    checked={partner.enabled !== false}
                    onChange={(enabled) => edit((c) => updatePartner(c, i, { enabled }))}
                  />
                }
              >
                <FormGrid>
                  <TextInput
                    label="Name"
                    value={partner.name}
                    errors={at("name")}
                    onChange={(name) => edit((c) => updatePartner(c, i, { name }))}
                  />
                  <TextInput
                    label="Partner key"
                    value={partner.key}
                    helpText="Lowercase letters, digits, - and _. Imported codes stay with the key they were imported under."
                    errors={[...at("key"), ...duplicateKeyIssues(issues, "partners", partner.key)]}
                    onChange={(key) => edit((c) => updatePartner(c, i, { key }))}
                  />
                  <TextInput
                    label="What members get"
                    value={partner.perk}
                    placeholder="A free coffee at any Corner Café"
                    helpText="Shoppers read this on the storefront."
                    errors={at("perk")}
                    onChange={(perk) => edit((c) => updatePartner(c, i, { perk }))}
                  />
                  <SelectInput
                    label="Minimum tier"
                    value={partner.minTier ?? ANY_TIER}
                    options={withUnknownTier(tierOptions(config, "Any tier"), partner.minTier)}
                    errors={at("minTier")}
                    onChange={(minTier) => edit((c) => updatePartner(c, i, { minTier: minTier === ANY_TIER ? undefined : minTier }))}
                  />
                  <MoneyField
                    label="Settlement price per code"
                    value={partner.settlementPrice ?? 0}
                    currency={config.currency}
                    helpText="What you pay the partner for each code a member claims."
                    errors={at("settlementPrice")}
                    onChange={(settlementPrice) => edit((c) => updatePartner(c, i, { settlementPrice }))}
                  />
                  <ParsedField
                    label="Claims per member"
                    value={limit.count}
                    format={String}
                    parse={parseWholeNumber}
                    inputMode="numeric"
                    helpText="1 to 1,000 codes per member in each period."
                    errors={at("claimLimit", "count")}
                    onChange={(count) => count !== undefined && edit((c) => updatePartnerClaimLimit(c, i, { count }))}
                  />
                  <SelectInput
                    label="Claim period"
                    value={limit.period}
                    options={periods}
                    helpText="Periods start in the program's time zone."
                    errors={at("claimLimit", "period")}
                    onChange={(period) => edit((c) => updatePartnerClaimLimit(c, i, { period: period as Period }))}
                  />
                </FormGrid>
                {savedKeys.has(partner.key) ? (
                  <PerkCodePool key={partner.key} partner={partner.key} stock={stock} loading={settlement.isPending} />
                ) : (
                  <Text as="p" tone="subdued">
                    Save the program to import perk codes for this partner.
                  </Text>
                )}
              </ItemCard>
            );
          })}
        </BlockStack>
      </ItemList>
      <PartnerSettlementCard month={month} onMonthChange={onMonthChange} timeZone={saved.timezone ?? "UTC"} settlement={settlement} />
    </BlockStack>
  );
}
