import {
  addMemberPrice,
  benefitsOf,
  currencyUnit,
  defaultDiscount,
  discountKind,
  discountValue,
  issuesAt,
  issuesUnder,
  makeDiscount,
  makeScope,
  moveMemberPrice,
  parseIdList,
  removeMemberPrice,
  scopeIds,
  scopeKind,
  updateMemberPrice,
} from "../../shared/config-edit.ts";
import { parsePercent } from "../../shared/parse.ts";
import type { BenefitDiscountKind, BenefitScopeKind } from "../../shared/program-config.ts";
import { tierOptions, withUnknownTier } from "../../shared/tier-options.ts";
import { MoneyInput } from "../parts/money-input.tsx";
import { ParsedInput } from "../parts/parsed-input.tsx";
import { SelectField } from "../parts/select-field.tsx";
import { TextField } from "../parts/text-field.tsx";
import { ItemCard } from "./item-card.tsx";
import { ItemList } from "./item-list.tsx";
import type { TabProps } from "./tab-props.ts";

const scopes: { value: BenefitScopeKind; label: string; ids: string }[] = [
  { value: "all", label: "All products", ids: "" },
  { value: "productIds", label: "Some products", ids: "Product IDs" },
  { value: "variantIds", label: "Some variants", ids: "Variant IDs" },
  { value: "collectionIds", label: "Some collections", ids: "Collection IDs" },
];

const discounts: { value: BenefitDiscountKind; label: string }[] = [
  { value: "percentOff", label: "Percent off" },
  { value: "amountOff", label: "Amount off" },
  { value: "fixedPrice", label: "Fixed price" },
];

const ok = <T,>(value: T) => ({ ok: true as const, value });

/** Member prices: tiers from a minimum up pay less for the products in scope. */
export function MemberPricesTab({ config, edit, issues }: TabProps) {
  const benefits = benefitsOf(config);
  const listIssues = issuesAt(issues, "benefits");
  return (
    <div className="flex flex-col gap-y-4">
      <ItemList
        intro="A member price applies to its minimum tier and every tier above it."
        listIssues={listIssues}
        empty="No member prices yet."
        count={benefits.length}
        addLabel="Add member price"
        onAdd={() => edit((c) => addMemberPrice(c))}
      >
        {" "}
        {benefits.map((benefit, i) => {
          const at = (...path: (string | number)[]) => issuesAt(issues, "benefits", i, ...path);
          const scope = scopeKind(benefit.scope);
          const scopeInfo = scopes.find((s) => s.value === scope);
          const dKind = discountKind(benefit.discount);
          return (
            <ItemCard
              // biome-ignore lint/suspicious/noArrayIndexKey: benefit ids are editable; fields resync from their values
              key={i}
              name={benefit.name}
              noun="member price"
              index={i}
              count={benefits.length}
              onMove={(to) => edit((c) => moveMemberPrice(c, i, to))}
              onRemove={() => edit((c) => removeMemberPrice(c, i))}
            >
              <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                <TextField
                  label="Name"
                  value={benefit.name}
                  errors={at("name")}
                  onChange={(name) => edit((c) => updateMemberPrice(c, i, { name }))}
                />
                <TextField
                  label="Member price ID"
                  value={benefit.id}
                  errors={at("id")}
                  onChange={(id) => edit((c) => updateMemberPrice(c, i, { id }))}
                />
                <SelectField
                  label="Minimum tier"
                  value={benefit.minTier}
                  options={withUnknownTier(tierOptions(config), benefit.minTier)}
                  errors={at("minTier")}
                  onChange={(minTier) => edit((c) => updateMemberPrice(c, i, { minTier }))}
                />
                <SelectField
                  label="Applies to"
                  value={scope}
                  options={scopes}
                  errors={at("scope")}
                  onChange={(next) =>
                    edit((c) => updateMemberPrice(c, i, { scope: makeScope(next as BenefitScopeKind, scopeIds(benefit.scope)) }))
                  }
                />
                {scope !== "all" && scopeInfo ? (
                  <ParsedInput
                    key={scope}
                    label={scopeInfo.ids}
                    value={scopeIds(benefit.scope)}
                    format={(ids) => ids.join("\n")}
                    parse={(text) => ok(parseIdList(text))}
                    multiline
                    hint="One per line, or separated by commas."
                    errors={issuesUnder(issues, "benefits", i, "scope").map((x) => x.message)}
                    onChange={(ids) => ids !== undefined && edit((c) => updateMemberPrice(c, i, { scope: makeScope(scope, ids) }))}
                  />
                ) : null}
                <SelectField
                  label="Discount"
                  value={dKind}
                  options={discounts}
                  onChange={(next) =>
                    edit((c) =>
                      updateMemberPrice(c, i, { discount: defaultDiscount(next as BenefitDiscountKind, currencyUnit(c.currency)) }),
                    )
                  }
                />
                {dKind === "percentOff" ? (
                  <ParsedInput
                    key="percent"
                    label="Percent off"
                    value={discountValue(benefit.discount)}
                    format={String}
                    parse={(t) => parsePercent(t)}
                    inputMode="decimal"
                    errors={issuesUnder(issues, "benefits", i, "discount").map((x) => x.message)}
                    onChange={(v) => v !== undefined && edit((c) => updateMemberPrice(c, i, { discount: makeDiscount("percentOff", v) }))}
                  />
                ) : (
                  <MoneyInput
                    key={dKind}
                    label={dKind === "amountOff" ? "Amount off" : "Member price"}
                    value={discountValue(benefit.discount)}
                    currency={config.currency}
                    errors={issuesUnder(issues, "benefits", i, "discount").map((x) => x.message)}
                    onChange={(v) => edit((c) => updateMemberPrice(c, i, { discount: makeDiscount(dKind, v) }))}
                  />
                )}
              </div>
            </ItemCard>
          );
        })}
      </ItemList>
    </div>
  );
}
