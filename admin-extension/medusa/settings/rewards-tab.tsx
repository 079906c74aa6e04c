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
import { MoneyInput } from "../parts/money-input.tsx";
import { ParsedInput } from "../parts/parsed-input.tsx";
import { SelectField } from "../parts/select-field.tsx";
import { SwitchField } from "../parts/switch-field.tsx";
import { TextField } from "../parts/text-field.tsx";
import { ItemCard } from "./item-card.tsx";
import { ItemList } from "./item-list.tsx";
import type { TabProps } from "./tab-props.ts";

const kinds: { value: RewardKind; label: string }[] = [
  { value: "amountOff", label: "Amount off" },
  { value: "percentOff", label: "Percent off" },
  { value: "freeShipping", label: "Free shipping" },
];

/** What points buy: each reward becomes a single-use discount code when a member redeems it. */
export function RewardsTab({ config, edit, issues }: TabProps) {
  const rewards = rewardsOf(config);
  const listIssues = issuesAt(issues, "rewards");
  return (
    <div className="flex flex-col gap-y-4">
      <ItemList
        intro="Members redeem points for a single-use discount code."
        listIssues={listIssues}
        empty="No rewards yet."
        count={rewards.length}
        addLabel="Add reward"
        onAdd={() => edit((c) => addReward(c))}
      >
        {" "}
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
                <SwitchField
                  label="Enabled"
                  checked={reward.enabled !== false}
                  onChange={(enabled) => edit((c) => updateReward(c, i, { enabled }))}
                />
              }
            >
              <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                <TextField
                  label="Name"
                  value={reward.name}
                  errors={at("name")}
                  onChange={(name) => edit((c) => updateReward(c, i, { name }))}
                />
                <TextField
                  label="Reward ID"
                  value={reward.id}
                  errors={at("id")}
                  onChange={(id) => edit((c) => updateReward(c, i, { id }))}
                />
                <ParsedInput
                  label="Cost in points"
                  value={reward.cost}
                  format={String}
                  parse={parseWholeNumber}
                  inputMode="numeric"
                  errors={at("cost")}
                  onChange={(cost) => cost !== undefined && edit((c) => updateReward(c, i, { cost }))}
                />
                <SelectField
                  label="Kind"
                  value={reward.kind}
                  options={kinds}
                  errors={at("kind")}
                  onChange={(kind) => edit((c) => updateReward(c, i, rewardKindPatch(kind as RewardKind, currencyUnit(c.currency))))}
                />
                {reward.kind === "amountOff" ? (
                  <MoneyInput
                    key="amount"
                    label="Amount off"
                    value={reward.value}
                    currency={config.currency}
                    errors={at("value")}
                    onChange={(value) => edit((c) => updateReward(c, i, { value }))}
                  />
                ) : reward.kind === "percentOff" ? (
                  <ParsedInput
                    key="percent"
                    label="Percent off"
                    value={reward.value}
                    format={String}
                    parse={(t) => parsePercent(t, true)}
                    inputMode="numeric"
                    errors={at("value")}
                    onChange={(value) => value !== undefined && edit((c) => updateReward(c, i, { value }))}
                  />
                ) : null}
                <SelectField
                  label="Minimum tier"
                  value={reward.minTier ?? ANY_TIER}
                  options={withUnknownTier(tierOptions(config, "Any tier"), reward.minTier)}
                  errors={at("minTier")}
                  onChange={(minTier) => edit((c) => updateReward(c, i, { minTier: minTier === ANY_TIER ? undefined : minTier }))}
                />
              </div>
            </ItemCard>
          );
        })}
      </ItemList>
    </div>
  );
}
