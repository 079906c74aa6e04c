import { Text } from "@medusajs/ui";
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
import { ANY_TIER, tierOptions, withUnknownTier } from "../../shared/tier-options.ts";
import { MoneyInput } from "../parts/money-input.tsx";
import { ParsedInput } from "../parts/parsed-input.tsx";
import { SelectField } from "../parts/select-field.tsx";
import { SwitchField } from "../parts/switch-field.tsx";
import { TextField } from "../parts/text-field.tsx";
import { ItemCard } from "./item-card.tsx";
import { ItemList } from "./item-list.tsx";
import { PartnerSettlementSection } from "./partner-settlement.tsx";
import { PerkCodePool } from "./perk-code-pool.tsx";
import type { TabProps } from "./tab-props.ts";

const periods: { value: Period; label: string }[] = [
  { value: "day", label: "Per day" },
  { value: "week", label: "Per week" },
  { value: "month", label: "Per month" },
  { value: "year", label: "Per year" },
  { value: "lifetime", label: "Ever (never resets)" },
];

/** Co-branded partners: members claim a partner's perk code; the merchant settles up per claimed code. */
export function PartnersTab({ config, saved, edit, issues }: TabProps) {
  const partners = partnersOf(config);
  const savedKeys = new Set(partnersOf(saved).map((p) => p.key));
  const [month, setMonth] = useState(() => currentMonth(new Date(), saved.timezone));
  const range = monthRange(month, saved.timezone);
  const settlement = usePartnerSettlement(range.from, range.to);
  // A duplicate key is reported on the whole list; it shows at the key fields that have it instead.
  const placed = new Set(partners.flatMap((p) => duplicateKeyIssues(issues, "partners", p.key)));
  const listIssues = issuesAt(issues, "partners").filter((m) => !placed.has(m));
  return (
    <div className="flex flex-col gap-y-4">
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
        {" "}
        {partners.map((partner, i) => {
          const at = (...path: (string | number)[]) => issuesAt(issues, "partners", i, ...path);
          const limit = partner.claimLimit ?? DEFAULT_CLAIM_LIMIT;
          const stock = settlement.data?.find((s) => s.partner === partner.key);
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
                <SwitchField
                  label="Enabled"
                  checked={partner.enabled !== false}
                  onChange={(enabled) => edit((c) => updatePartner(c, i, { enabled }))}
                />
              }
            >
              <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                <TextField
                  label="Name"
                  value={partner.name}
                  errors={at("name")}
                  onChange={(name) => edit((c) => updatePartner(c, i, { name }))}
                />
                <TextField
                  label="Partner key"
                  value={partner.key}
                  hint="Lowercase letters, digits, - and _. Imported codes stay with the key they were imported under."
                  errors={[...at("key"), ...duplicateKeyIssues(issues, "partners", partner.key)]}
                  onChange={(key) => edit((c) => updatePartner(c, i, { key }))}
                />
                <TextField
                  className="flex flex-col gap-y-2 md:col-span-2"
                  label="What members get"
                  value={partner.perk}
                  placeholder="A free coffee at any Corner Café"
                  hint="Shoppers read this on the storefront."
                  errors={at("perk")}
                  onChange={(perk) => edit((c) => updatePartner(c, i, { perk }))}
                />
                <SelectField
                  label="Minimum tier"
                  value={partner.minTier ?? ANY_TIER}
                  options={withUnknownTier(tierOptions(config, "Any tier"), partner.minTier)}
                  errors={at("minTier")}
                  onChange={(minTier) => edit((c) => updatePartner(c, i, { minTier: minTier === ANY_TIER ? undefined : minTier }))}
                />
                <MoneyInput
                  label="Settlement price per code"
                  value={partner.settlementPrice ?? 0}
                  currency={config.currency}
                  hint="What you pay the partner for each code a member claims."
                  errors={at("settlementPrice")}
                  onChange={(settlementPrice) => edit((c) => updatePartner(c, i, { settlementPrice }))}
                />
                <ParsedInput
                  label="Claims per member"
                  value={limit.count}
                  format={String}
                  parse={parseWholeNumber}
                  inputMode="numeric"
                  hint="1 to 1,000 codes per member in each period."
                  errors={at("claimLimit", "count")}
                  onChange={(count) => count !== undefined && edit((c) => updatePartnerClaimLimit(c, i, { count }))}
                />
                <SelectField
                  label="Claim period"
                  value={limit.period}
                  options={periods}
                  hint="Periods start in the program's time zone."
                  errors={at("claimLimit", "period")}
                  onChange={(period) => edit((c) => updatePartnerClaimLimit(c, i, { period: period as Period }))}
                />
              </div>
              {savedKeys.has(partner.key) ? (
                <PerkCodePool key={partner.key} partner={partner.key} stock={stock} loading={settlement.isPending} />
              ) : (
                <Text size="small" className="text-ui-fg-subtle">
                  Save the program to import perk codes for this partner.
                </Text>
              )}
            </ItemCard>
          );
        })}
      </ItemList>
      <PartnerSettlementSection month={month} onMonthChange={setMonth} timeZone={saved.timezone ?? "UTC"} settlement={settlement} />
    </div>
  );
}
