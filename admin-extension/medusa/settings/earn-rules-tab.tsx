import { Button, StatusBadge, Text } from "@medusajs/ui";
import { useState } from "react";
import { addRule, issuesAt, issuesUnder, moveRule, removeRule, updateRule } from "../../shared/config-edit.ts";
import { SwitchField } from "../parts/switch-field.tsx";
import { ItemCard } from "./item-card.tsx";
import { ItemList } from "./item-list.tsx";
import { RuleEditor, triggerKind, triggerLabels } from "./rule-editor.tsx";
import { RuleTryOut } from "./rule-try-out.tsx";
import type { TabProps } from "./tab-props.ts";

/** The earn rules in order; each opens into its editor. */
export function EarnRulesTab(props: TabProps) {
  const { config, edit, issues } = props;
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());
  const listIssues = issuesAt(issues, "rules");

  function toggle(i: number) {
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });
  }

  function move(from: number, to: number) {
    if (to < 0 || to >= config.rules.length) return;
    edit((c) => moveRule(c, from, to));
    setOpen((s) => new Set([...s].map((i) => (i === from ? to : i === to ? from : i))));
  }

  function remove(at: number) {
    edit((c) => removeRule(c, at));
    setOpen((s) => new Set([...s].filter((i) => i !== at).map((i) => (i > at ? i - 1 : i))));
  }

  return (
    <div className="flex flex-col gap-y-4">
      <ItemList
        intro="Rules turn orders and events into points and growth. Rules with a higher priority are applied first."
        listIssues={listIssues}
        empty="No earn rules: members earn nothing."
        count={config.rules.length}
        addLabel="Add earn rule"
        onAdd={() => {
          setOpen((s) => new Set([...s, config.rules.length]));
          edit((c) => addRule(c));
        }}
      >
        {" "}
        {config.rules.map((rule, i) => {
          const isOpen = open.has(i) || issuesUnder(issues, "rules", i).length > 0;
          const editorId = `kinship-rule-editor-${i}`;
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
                <SwitchField
                  label="Enabled"
                  checked={rule.enabled !== false}
                  onChange={(enabled) => edit((c) => updateRule(c, i, { enabled }))}
                />
              }
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div className="flex items-center gap-x-2">
                  <Text size="small" className="text-ui-fg-subtle">
                    {triggerLabels[triggerKind(rule.trigger)] ?? rule.trigger}
                    {triggerKind(rule.trigger) === "custom" ? ` (${rule.trigger.slice("custom:".length)})` : ""}
                  </Text>
                  <StatusBadge color={rule.enabled === false ? "grey" : "green"}>
                    {rule.enabled === false ? "Disabled" : "Active"}
                  </StatusBadge>
                </div>
                <Button
                  type="button"
                  size="small"
                  variant="secondary"
                  aria-expanded={isOpen}
                  aria-controls={editorId}
                  aria-label={`${isOpen ? "Close" : "Edit"} ${rule.name.trim() || "untitled rule"}`}
                  onClick={() => toggle(i)}
                >
                  {isOpen ? "Close" : "Edit"}
                </Button>
              </div>
              {isOpen ? (
                <div id={editorId} className="flex flex-col gap-y-4">
                  <RuleEditor {...props} index={i} />
                  <RuleTryOut rule={rule} config={config} />
                </div>
              ) : null}
            </ItemCard>
          );
        })}
      </ItemList>
    </div>
  );
}
