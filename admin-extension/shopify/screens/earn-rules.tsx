import { Badge, BlockStack, Button, Checkbox, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import { addRule, issuesAt, issuesUnder, moveRule, removeRule, updateRule } from "../../shared/config-edit.ts";
import { triggerLabel } from "../../shared/rule-triggers.ts";
import { RuleEditor } from "./earn-rules/rule-editor.tsx";
import { ItemCard } from "./program-form/item-card.tsx";
import { ItemList } from "./program-form/item-list.tsx";
import { ProgramScreen } from "./program-form/program-screen.tsx";

/** The earn rules in order; each opens into its editor with a panel to try it on an order. */
export function EarnRulesScreen() {
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());
  const toggle = (i: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });
  return (
    <ProgramScreen title="Earn rules" section="rules">
      {(props) => {
        const { config, edit, issues } = props;
        const move = (from: number, to: number) => {
          if (to < 0 || to >= config.rules.length) return;
          edit((c) => moveRule(c, from, to));
          setOpen((s) => new Set([...s].map((i) => (i === from ? to : i === to ? from : i))));
        };
        const remove = (at: number) => {
          edit((c) => removeRule(c, at));
          setOpen((s) => new Set([...s].filter((i) => i !== at).map((i) => (i > at ? i - 1 : i))));
        };
        return (
          <ItemList
            intro="Rules turn orders and events into points and growth. Rules with a higher priority are applied first."
            listIssues={issuesAt(issues, "rules")}
            empty="No earn rules: members earn nothing."
            count={config.rules.length}
            addLabel="Add earn rule"
            onAdd={() => {
              setOpen((s) => new Set([...s, config.rules.length]));
              edit((c) => addRule(c));
            }}
          >
            <BlockStack gap="400">
              {config.rules.map((rule, i) => {
                const isOpen = open.has(i) || issuesUnder(issues, "rules", i).length > 0;
                const editorId = `kinship-rule-editor-${i}`;
                const title = rule.name.trim() || "untitled rule";
                return (
                  <ItemCard
                    // biome-ignore lint/suspicious/noArrayIndexKey: rule ids are editable; fields resync from their values
                    key={i}
                    name={rule.name}
                    noun="rule"
                    index={i}
                    count={config.rules.length}
                    onMove={(to) => move(i, to)}
                    onRemove={() => remove(i)}
                    actions={
                      <Checkbox
                        label="Enabled"
                        checked={rule.enabled !== false}
                        onChange={(enabled) => edit((c) => updateRule(c, i, { enabled }))}
                      />
                    }
                  >
                    <InlineStack align="space-between" blockAlign="center" gap="200">
                      <InlineStack gap="200" blockAlign="center">
                        <Text as="span" tone="subdued">
                          {triggerLabel(rule.trigger)}
                        </Text>
                        <Badge tone={rule.enabled === false ? undefined : "success"}>
                          {rule.enabled === false ? "Disabled" : "Active"}
                        </Badge>
                      </InlineStack>
                      <Button
                        ariaExpanded={isOpen}
                        ariaControls={editorId}
                        accessibilityLabel={`${isOpen ? "Close" : "Edit"} ${title}`}
                        onClick={() => toggle(i)}
                      >
                        {isOpen ? "Close" : "Edit"}
                      </Button>
                    </InlineStack>
                    {isOpen ? (
                      <div id={editorId}>
                        <RuleEditor {...props} index={i} />
                      </div>
                    ) : null}
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
