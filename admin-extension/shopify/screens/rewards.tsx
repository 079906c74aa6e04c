import { BlockStack, Checkbox } from "@shopify/polaris";
import {
  addReward,
  currencyUnit,
  issuesAt,
  moveReward,
  removeReward,
  rewardKindPatch,
  rewardsOf,
  updateReward,
} from "../../shared/config-edit.ts";
import { parsePercent, parseWholeNumber } from "../../shared/parse.ts";
import type { RewardKind } from "../../shared/program-config.ts";
import { ANY_TIER, tierOptions, withUnknownTier } from "../../shared/tier-options.ts";
import { FormGrid } from "./program-form/form-grid.tsx";
import { ItemCard } from "./program-form/item-card.tsx";
import { ItemList } from "./program-form/item-list.tsx";
import { MoneyField } from "./program-form/money-field.tsx";
import { ParsedField } from "./program-form/parsed-field.tsx";
import { ProgramScreen } from "./program-form/program-screen.tsx";
import { SelectInput } from "./program-form/select-input.tsx";
import { TextInput } from "./program-form/text-input.tsx";

const kinds: { value: RewardKind; label: string }[] = [
  { value: "amountOff", label: "Amount off" },
  { value: "percentOff", label: "Percent off" },
  { value: "freeShipping", label: "Free shipping" },
];

/** What points buy: each reward becomes a single-use discount code when a member redeems it. */
export function RewardsScreen() {
  return (
    <ProgramScreen title="Rewards" section="rewards">
      {({ config, edit, issues }) => {
        const rewards = rewardsOf(config);
        return (
          <ItemList
            intro="Members redeem points for a single-use discount code."
            listIssues={issuesAt(issues, "rewards")}
            empty="No rewards yet."
            count={rewards.length}
            addLabel="Add reward"
            onAdd={() => edit((c) => addReward(c))}
          >
            <BlockStack gap="400">
              {rewards.map((reward, i) => {
                const at = (...path: (string | number)[]) => issuesAt(issues, "rewards", i, ...path);
                return (
                  <ItemCard
                    // biome-ignore lint/suspicious/noArrayIndexKey: reward ids are editable; fields resync from their values
                    key={i}
                    name={reward.name}
                    noun="reward"
                    index={i}
                    count={rewards.length}
                    onMove={(to) => edit((c) => moveReward(c, i, to))}
                    onRemove={() => edit((c) => removeReward(c, i))}
                    actions={
                      <Checkbox
                        label="Enabled"
                        checked={reward.enabled !== false}
                        onChange={(enabled) => edit((c) => updateReward(c, i, { enabled }))}
                      />
                    }
                  >
                    <FormGrid>
                      <TextInput
                        label="Name"
                        value={reward.name}
                        errors={at("name")}
                        onChange={(name) => edit((c) => updateReward(c, i, { name }))}
                      />
                      <TextInput
                        label="Reward ID"
                        value={reward.id}
                        errors={at("id")}
                        onChange={(id) => edit((c) => updateReward(c, i, { id }))}
                      />
                      <ParsedField
                        label="Cost in points"
                        value={reward.cost}
                        format={String}
                        parse={parseWholeNumber}
                        inputMode="numeric"
                        errors={at("cost")}
                        onChange={(cost) => cost !== undefined && edit((c) => updateReward(c, i, { cost }))}
                      />
                      <SelectInput
                        label="Kind"
                        value={reward.kind}
                        options={kinds}
                        errors={at("kind")}
                        onChange={(kind) => edit((c) => updateReward(c, i, rewardKindPatch(kind as RewardKind, currencyUnit(c.currency))))}
                      />
                      {reward.kind === "amountOff" ? (
                        <MoneyField
                          key="amount"
                          label="Amount off"
                          value={reward.value}
                          currency={config.currency}
                          errors={at("value")}
                          onChange={(value) => edit((c) => updateReward(c, i, { value }))}
                        />
                      ) : reward.kind === "percentOff" ? (
                        <ParsedField
                          key="percent"
                          label="Percent off"
                          value={reward.value}
                          format={String}
                          parse={(t) => parsePercent(t, true)}
                          inputMode="numeric"
                          suffix="%"
                          errors={at("value")}
                          onChange={(value) => value !== undefined && edit((c) => updateReward(c, i, { value }))}
                        />
                      ) : null}
                      <SelectInput
                        label="Minimum tier"
                        value={reward.minTier ?? ANY_TIER}
                        options={withUnknownTier(tierOptions(config, "Any tier"), reward.minTier)}
                        errors={at("minTier")}
                        onChange={(minTier) => edit((c) => updateReward(c, i, { minTier: minTier === ANY_TIER ? undefined : minTier }))}
                      />
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
