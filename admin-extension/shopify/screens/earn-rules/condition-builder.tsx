import { BlockStack, Box, Button, Checkbox, InlineError, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { type ReactNode, useId } from "react";
import {
  type ActionProps,
  type ControlElementsProp,
  type FullField,
  type NotToggleProps,
  QueryBuilder,
  type ValueEditorProps,
  type ValueSelectorProps,
} from "react-querybuilder";
import { conditionTranslations, flatOptions, groupName, ruleName, useConditionEditor } from "../../../shared/condition-editor.ts";
import { type ConditionContext, type ConditionField, conditionFields } from "../../../shared/rule-builder.ts";

export interface ConditionBuilderProps {
  condition: Record<string, unknown> | undefined;
  onChange: (condition: Record<string, unknown> | undefined) => void;
  context: ConditionContext;
  /** The engine's issues for this rule's condition. */
  errors?: readonly string[];
}

interface BuilderContext {
  errors: Map<string, string>;
  currency: string;
}

/**
 * The visual editor for an earn rule's condition: react-querybuilder drawn with Polaris controls.
 * A condition the builder cannot show exactly opens as JSON instead, so nothing is lost.
 */
export function ConditionBuilder({ condition, onChange, context, errors = [] }: ConditionBuilderProps) {
  const headingId = useId();
  const editor = useConditionEditor(condition, context, onChange);
  const { mode } = editor;
  const builderContext: BuilderContext = { errors: editor.errorsByPath, currency: context.currency };
  return (
    <section aria-labelledby={headingId}>
      <style>{conditionBuilderCss}</style>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <BlockStack gap="100">
            <Text as="h4" variant="headingSm" id={headingId}>
              Condition
            </Text>
            <Text as="p" tone="subdued">
              The rule fires only when these hold. No conditions: it always fires.
            </Text>
          </BlockStack>
          {mode.kind === "visual" ? (
            <Button variant="plain" disabled={editor.ruleErrors.length > 0} onClick={editor.showJson}>
              Edit as JSON
            </Button>
          ) : (
            <Button variant="plain" disabled={!editor.canShowVisual} onClick={editor.showVisual}>
              Use the visual builder
            </Button>
          )}
        </InlineStack>
        {mode.kind === "visual" ? (
          <div>
            <QueryBuilder
              fields={conditionFields(context)}
              query={mode.query}
              onQueryChange={editor.changeQuery}
              controlElements={controls}
              context={builderContext}
              translations={conditionTranslations}
              listsAsArrays
              enableMountQueryChange={false}
              showNotToggle
              resetOnFieldChange
              controlClassnames={classNames}
            />
          </div>
        ) : (
          <TextField
            label="Condition (JsonLogic)"
            value={mode.text}
            multiline={6}
            autoComplete="off"
            monospaced
            onChange={editor.changeJson}
            helpText={`${mode.reason ? `The visual builder cannot show this condition (${mode.reason}); edit it as JSON. ` : ""}JsonLogic over { event, member }; money in minor units.`}
            error={editor.jsonProblem ?? undefined}
          />
        )}
        {errors.length > 0 ? (
          <div role="alert">
            <InlineError message={errors.join(" ")} fieldID={headingId} />
          </div>
        ) : null}
      </BlockStack>
    </section>
  );
}

// ---- react-querybuilder controls in Polaris ---------------------------------------------------------

function PolarisSelect({
  value,
  options,
  onChange,
  label,
  disabled,
}: {
  value: string | undefined;
  options: { name: string; label: ReactNode }[];
  onChange: (v: string) => void;
  label: string;
  disabled?: boolean;
}) {
  return (
    <Select
      label={label}
      labelHidden
      value={value ?? ""}
      options={options.map((o) => ({ value: o.name, label: String(o.label) }))}
      onChange={onChange}
      disabled={disabled ?? false}
    />
  );
}

function FieldSelector(props: ValueSelectorProps) {
  return (
    <PolarisSelect
      value={props.value}
      options={flatOptions(props.options)}
      onChange={props.handleOnChange}
      label={`Field of ${ruleName(props.path)}`}
      disabled={props.disabled ?? false}
    />
  );
}

function OperatorSelector(props: ValueSelectorProps) {
  return (
    <PolarisSelect
      value={props.value}
      options={flatOptions(props.options)}
      onChange={props.handleOnChange}
      label={`Comparison of ${ruleName(props.path)}`}
      disabled={props.disabled ?? false}
    />
  );
}

function CombinatorSelector(props: ValueSelectorProps) {
  const options = flatOptions(props.options).map((o) => ({
    name: o.name,
    label: o.name === "or" ? "Any of these (or)" : "All of these (and)",
  }));
  return (
    <PolarisSelect
      value={props.value}
      options={options}
      onChange={props.handleOnChange}
      label={`Match for ${groupName(props.path)}`}
      disabled={props.disabled ?? false}
    />
  );
}

function AddAction({ label, title, handleOnClick, disabled, path }: ActionProps) {
  return (
    <Button disabled={disabled ?? false} accessibilityLabel={`${title ?? "Add"} to ${groupName(path)}`} onClick={() => handleOnClick()}>
      {String(label)}
    </Button>
  );
}

function RemoveAction({ label, title, handleOnClick, disabled, path, ruleOrGroup }: ActionProps) {
  const what = "rules" in ruleOrGroup ? groupName(path) : ruleName(path);
  return (
    <Button
      variant="plain"
      tone="critical"
      disabled={disabled ?? false}
      accessibilityLabel={`${title ?? "Remove"} ${what}`}
      onClick={() => handleOnClick()}
    >
      {String(label)}
    </Button>
  );
}

function NotToggle({ checked, handleOnChange, disabled, path }: NotToggleProps) {
  return (
    <Checkbox
      label={`Not (${groupName(path)})`}
      checked={checked ?? false}
      disabled={disabled ?? false}
      onChange={(v) => handleOnChange(v)}
    />
  );
}

function ValueEditor(props: ValueEditorProps) {
  const { operator, value, handleOnChange, path, disabled } = props;
  const field = props.fieldData as FullField & Partial<ConditionField>;
  const context = props.context as BuilderContext | undefined;
  const error = context?.errors.get(path.join("."));
  const name = ruleName(path);
  const unit = field.kind === "money" ? context?.currency : undefined;
  const off = disabled ?? false;

  if (operator === "between") {
    const [from = "", to = ""] = Array.isArray(value) ? (value as string[]) : typeof value === "string" ? value.split(",") : [];
    return (
      <InlineStack gap="200" blockAlign="start" wrap={false}>
        <TextField
          label={`From (${name})`}
          labelHidden
          autoComplete="off"
          value={String(from)}
          disabled={off}
          suffix={unit}
          error={error}
          onChange={(v) => handleOnChange([v, to])}
        />
        <Box paddingBlockStart="150">
          <Text as="span">and</Text>
        </Box>
        <TextField
          label={`To (${name})`}
          labelHidden
          autoComplete="off"
          value={String(to)}
          disabled={off}
          suffix={unit}
          error={error ? true : undefined}
          onChange={(v) => handleOnChange([from, v])}
        />
      </InlineStack>
    );
  }
  if (field.kind === "tier" && (operator === "in" || operator === "notIn")) {
    const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
    const options = flatOptions(props.values ?? []);
    return (
      <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
        <legend>
          <Text as="span" visuallyHidden>
            Tiers ({name})
          </Text>
        </legend>
        <InlineStack gap="300">
          {options.map((o) => (
            <Checkbox
              key={o.name}
              label={String(o.label)}
              checked={chosen.has(o.name)}
              disabled={off}
              onChange={(on) => {
                const next = new Set(chosen);
                if (on) next.add(o.name);
                else next.delete(o.name);
                handleOnChange(options.map((v) => v.name).filter((n) => next.has(n)));
              }}
            />
          ))}
        </InlineStack>
        {error ? <InlineError message={error} fieldID={`${name}-tiers`} /> : null}
      </fieldset>
    );
  }
  if (field.kind === "tier")
    return (
      <PolarisSelect
        value={typeof value === "string" ? value : ""}
        options={flatOptions(props.values ?? [])}
        onChange={handleOnChange}
        label={`Value of ${name}`}
        disabled={off}
      />
    );
  return (
    <TextField
      label={`Value of ${name}`}
      labelHidden
      autoComplete="off"
      inputMode={field.kind === "money" ? "decimal" : field.kind === "count" ? "numeric" : "text"}
      value={value === undefined || value === null ? "" : String(value)}
      disabled={off}
      suffix={unit}
      error={error}
      onChange={(v) => handleOnChange(v)}
    />
  );
}

const controls: ControlElementsProp<FullField, string> = {
  fieldSelector: FieldSelector,
  operatorSelector: OperatorSelector,
  combinatorSelector: CombinatorSelector,
  valueEditor: ValueEditor,
  addRuleAction: AddAction,
  addGroupAction: AddAction,
  removeRuleAction: RemoveAction,
  removeGroupAction: RemoveAction,
  notToggle: NotToggle,
  cloneGroupAction: null,
  cloneRuleAction: null,
  lockGroupAction: null,
  lockRuleAction: null,
  muteGroupAction: null,
  muteRuleAction: null,
  dragHandle: null,
  shiftActions: null,
  valueSourceSelector: null,
  matchModeEditor: null,
};

// Layout only (react-querybuilder's own CSS is not loaded): groups as bordered boxes, rows wrapping.
const classNames = {
  queryBuilder: "kinship-qb",
  ruleGroup: "kinship-qb-group",
  header: "kinship-qb-row",
  body: "kinship-qb-body",
  rule: "kinship-qb-row",
};

/** The styles for those class names, from Polaris's tokens. */
const conditionBuilderCss = `
.kinship-qb-group { display: flex; flex-direction: column; gap: var(--p-space-300); padding: var(--p-space-300);
  border: var(--p-border-width-025) solid var(--p-color-border); border-radius: var(--p-border-radius-200);
  background: var(--p-color-bg-surface-secondary); }
.kinship-qb-body { display: flex; flex-direction: column; gap: var(--p-space-200); }
.kinship-qb-row { display: flex; flex-wrap: wrap; align-items: flex-start; gap: var(--p-space-200); }
`;
