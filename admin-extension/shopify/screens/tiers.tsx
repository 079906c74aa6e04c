import { BlockStack, Box, InlineStack } from "@shopify/polaris";
import { addTier, issuesAt, moveTier, removeTier, updateTier, updateTierBadge } from "../../shared/config-edit.ts";
import { parseWholeNumber } from "../../shared/parse.ts";
import { FormGrid } from "./program-form/form-grid.tsx";
import { ItemCard } from "./program-form/item-card.tsx";
import { ItemList } from "./program-form/item-list.tsx";
import { ParsedField } from "./program-form/parsed-field.tsx";
import { ProgramScreen } from "./program-form/program-screen.tsx";
import { TextInput } from "./program-form/text-input.tsx";
import { TierPreviewCard } from "./tiers/tier-preview-card.tsx";

/** Tiers in order, each with the growth it needs and its badge; a preview of who would move before saving. */
export function TiersScreen() {
  return (
    <ProgramScreen
      title="Tiers"
      section="tiers"
      aside={({ config, saved }) => <TierPreviewCard draft={config.tiers} saved={saved.tiers} />}
    >
      {({ config, edit, issues }) => (
        <ItemList
          intro="Members move up as soon as their growth reaches a tier's threshold. The first tier starts at 0 and each next one needs more."
          listIssues={issuesAt(issues, "tiers")}
          count={config.tiers.length}
          addLabel="Add tier"
          onAdd={() => edit((c) => addTier(c))}
        >
          <BlockStack gap="400">
            {config.tiers.map((tier, i) => (
              <ItemCard
                // Index keys: a tier's key is editable, and fields resync from their value when items move.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                key={i}
                name={tier.name}
                noun="tier"
                index={i}
                count={config.tiers.length}
                onMove={(to) => edit((c) => moveTier(c, i, to))}
                onRemove={() => edit((c) => removeTier(c, i))}
              >
                <FormGrid>
                  <TextInput
                    label="Name"
                    value={tier.name}
                    errors={issuesAt(issues, "tiers", i, "name")}
                    onChange={(name) => edit((c) => updateTier(c, i, { name }))}
                  />
                  <TextInput
                    label="Key"
                    value={tier.key}
                    helpText="Lowercase letters, digits, - and _. Rules and prices refer to the tier by it."
                    errors={issuesAt(issues, "tiers", i, "key")}
                    onChange={(key) => edit((c) => updateTier(c, i, { key }))}
                  />
                  <ParsedField
                    label="Growth threshold"
                    value={tier.threshold}
                    format={String}
                    parse={parseWholeNumber}
                    inputMode="numeric"
                    helpText="Growth a member needs to reach this tier."
                    errors={issuesAt(issues, "tiers", i, "threshold")}
                    onChange={(threshold) => threshold !== undefined && edit((c) => updateTier(c, i, { threshold }))}
                  />
                  <TextInput
                    label="Badge label"
                    value={tier.badge?.label ?? ""}
                    errors={issuesAt(issues, "tiers", i, "badge", "label")}
                    onChange={(label) => edit((c) => updateTierBadge(c, i, { label }))}
                  />
                  <InlineStack gap="200" blockAlign="center" wrap={false}>
                    <Box width="100%">
                      <TextInput
                        label="Badge color"
                        value={tier.badge?.color ?? ""}
                        placeholder="#d4a017"
                        helpText="A CSS color, e.g. #d4a017."
                        errors={issuesAt(issues, "tiers", i, "badge", "color")}
                        onChange={(color) => edit((c) => updateTierBadge(c, i, { color }))}
                      />
                    </Box>
                    <span
                      aria-hidden="true"
                      style={{
                        backgroundColor: tier.badge?.color ?? "transparent",
                        width: 20,
                        height: 20,
                        flex: "none",
                        borderRadius: "50%",
                        border: "1px solid var(--p-color-border)",
                      }}
                    />
                  </InlineStack>
                </FormGrid>
              </ItemCard>
            ))}
          </BlockStack>
        </ItemList>
      )}
    </ProgramScreen>
  );
}
