import { addTier, issuesAt, moveTier, removeTier, updateTier, updateTierBadge } from "../../shared/config-edit.ts";
import { parseWholeNumber } from "../../shared/parse.ts";
import { ParsedInput } from "../parts/parsed-input.tsx";
import { TextField } from "../parts/text-field.tsx";
import { ItemCard } from "./item-card.tsx";
import { ItemList } from "./item-list.tsx";
import type { TabProps } from "./tab-props.ts";
import { TierPreviewPanel } from "./tier-preview.tsx";

const formatWhole = (n: number) => String(n);

/** Tiers in order, each with the growth it needs and the badge members see. */
export function TiersTab({ config, saved, edit, issues }: TabProps) {
  const listIssues = issuesAt(issues, "tiers");
  return (
    <div className="flex flex-col gap-y-4">
      <ItemList
        intro="Members move up as soon as their growth reaches a tier's threshold. The first tier starts at 0 and each next one needs more."
        listIssues={listIssues}
        count={config.tiers.length}
        addLabel="Add tier"
        onAdd={() => edit((c) => addTier(c))}
      >
        {" "}
        {config.tiers.map((tier, i) => (
          <ItemCard
            // Index keys: a tier's key is editable, and inputs resync from their value when items move.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={i}
            name={tier.name}
            noun="tier"
            index={i}
            count={config.tiers.length}
            onMove={(to) => edit((c) => moveTier(c, i, to))}
            onRemove={() => edit((c) => removeTier(c, i))}
          >
            <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
              <TextField
                label="Name"
                value={tier.name}
                errors={issuesAt(issues, "tiers", i, "name")}
                onChange={(name) => edit((c) => updateTier(c, i, { name }))}
              />
              <TextField
                label="Key"
                value={tier.key}
                hint="Lowercase letters, digits, - and _. Rules and prices refer to the tier by it."
                errors={issuesAt(issues, "tiers", i, "key")}
                onChange={(key) => edit((c) => updateTier(c, i, { key }))}
              />
              <ParsedInput
                label="Growth threshold"
                value={tier.threshold}
                format={formatWhole}
                parse={parseWholeNumber}
                inputMode="numeric"
                hint="Growth a member needs to reach this tier."
                errors={issuesAt(issues, "tiers", i, "threshold")}
                onChange={(threshold) => threshold !== undefined && edit((c) => updateTier(c, i, { threshold }))}
              />
              <TextField
                label="Badge label"
                value={tier.badge?.label ?? ""}
                errors={issuesAt(issues, "tiers", i, "badge", "label")}
                onChange={(label) => edit((c) => updateTierBadge(c, i, { label }))}
              />
              <div className="flex items-end gap-x-2">
                <TextField
                  className="flex flex-1 flex-col gap-y-2"
                  label="Badge color"
                  value={tier.badge?.color ?? ""}
                  placeholder="#d4a017"
                  hint="A CSS color, e.g. #d4a017."
                  errors={issuesAt(issues, "tiers", i, "badge", "color")}
                  onChange={(color) => edit((c) => updateTierBadge(c, i, { color }))}
                />
                <span
                  aria-hidden="true"
                  className="mb-8 rounded-full border border-ui-border-base"
                  style={{ backgroundColor: tier.badge?.color ?? "transparent", width: 20, height: 20, flex: "none" }}
                />
              </div>
            </div>
          </ItemCard>
        ))}
      </ItemList>
      <TierPreviewPanel tiers={config.tiers} saved={saved.tiers} />
    </div>
  );
}
