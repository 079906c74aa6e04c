import { BlockStack } from "@shopify/polaris";
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
import { FormGrid } from "./program-form/form-grid.tsx";
import { ItemCard } from "./program-form/item-card.tsx";
import { ItemList } from "./program-form/item-list.tsx";
import { MoneyField } from "./program-form/money-field.tsx";
import { ParsedField } from "./program-form/parsed-field.tsx";
import { ProgramScreen } from "./program-form/program-screen.tsx";
import { SelectInput } from "./program-form/select-input.tsx";
import { TextInput } from "./program-form/text-input.tsx";

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
const joinLines = (ids: string[]) => ids.join("\n");

/** Member prices: tiers from a minimum up pay less for the products in scope, at checkout too. */
export function MemberPricesScreen() {
  return (
    <ProgramScreen title="Member prices" section="benefits">
      {({ config, edit, issues }) => {
        const benefits = benefitsOf(config);
        return (
          <ItemList
            intro="A member price applies to its minimum tier and every tier above it, on the storefront and at checkout."
            listIssues={issuesAt(issues, "benefits")}
            empty="No member prices yet."
            count={benefits.length}
            addLabel="Add member price"
            onAdd={() => edit((c) => addMemberPrice(c))}
          >
            <BlockStack gap="400">
              {benefits.map((benefit, i) => {
                const at = (...path: (string | number)[]) => issuesAt(issues, "benefits", i, ...path);
                const scope = scopeKind(benefit.scope);
                const scopeInfo = scopes.find((s) => s.value === scope);
                const dKind = discountKind(benefit.discount);
                const discountIssues = issuesUnder(issues, "benefits", i, "discount").map((x) => x.message);
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
                    <FormGrid>
                      <TextInput
                        label="Name"
                        value={benefit.name}
                        errors={at("name")}
                        onChange={(name) => edit((c) => updateMemberPrice(c, i, { name }))}
                      />
                      <TextInput
                        label="Member price ID"
                        value={benefit.id}
                        errors={at("id")}
                        onChange={(id) => edit((c) => updateMemberPrice(c, i, { id }))}
                      />
                      <SelectInput
                        label="Minimum tier"
                        value={benefit.minTier}
                        options={withUnknownTier(tierOptions(config), benefit.minTier)}
                        errors={at("minTier")}
                        onChange={(minTier) => edit((c) => updateMemberPrice(c, i, { minTier }))}
                      />
                      <SelectInput
                        label="Applies to"
                        value={scope}
                        options={scopes}
                        errors={at("scope")}
                        onChange={(next) =>
                          edit((c) => updateMemberPrice(c, i, { scope: makeScope(next as BenefitScopeKind, scopeIds(benefit.scope)) }))
                        }
                      />
                      {scope !== "all" && scopeInfo ? (
                        <ParsedField
                          key={scope}
                          label={scopeInfo.ids}
                          value={scopeIds(benefit.scope)}
                          format={joinLines}
                          parse={(text) => ok(parseIdList(text))}
                          multiline={3}
                          helpText="One per line, or separated by commas."
                          errors={issuesUnder(issues, "benefits", i, "scope").map((x) => x.message)}
                          onChange={(ids) => ids !== undefined && edit((c) => updateMemberPrice(c, i, { scope: makeScope(scope, ids) }))}
                        />
                      ) : null}
                      <SelectInput
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
                        <ParsedField
                          key="percent"
                          label="Percent off"
                          value={discountValue(benefit.discount)}
                          format={String}
                          parse={(t) => parsePercent(t)}
                          inputMode="decimal"
                          suffix="%"
                          errors={discountIssues}
                          onChange={(v) =>
                            v !== undefined && edit((c) => updateMemberPrice(c, i, { discount: makeDiscount("percentOff", v) }))
                          }
                        />
                      ) : (
                        <MoneyField
                          key={dKind}
                          label={dKind === "amountOff" ? "Amount off" : "Member price"}
                          value={discountValue(benefit.discount)}
                          currency={config.currency}
                          errors={discountIssues}
                          onChange={(v) => edit((c) => updateMemberPrice(c, i, { discount: makeDiscount(dKind, v) }))}
                        />
                      )}
                    </FormGrid>
                  </ItemCard>
                );
              })}
            </BlockStack>
          </ItemList>
        );
      }}
    </ProgramScreen>
  );
}
