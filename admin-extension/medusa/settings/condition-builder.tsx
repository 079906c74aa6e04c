import { Button, Checkbox, Hint, Input, Label, Select, Switch, Text, Textarea } from "@medusajs/ui";
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
import { conditionTranslations, flatOptions, groupName, ruleName, useConditionEditor } from "../../shared/condition-editor.ts";
import { type ConditionContext, type ConditionField, conditionFields } from "../../shared/rule-builder.ts";

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
 * The visual editor for an earn rule's condition (react-querybuilder with Medusa controls). A
 * condition the builder cannot show exactly opens as JSON instead, so nothing is lost.
 */
export function ConditionBuilder({ condition, onChange, context, errors = [] }: ConditionBuilderProps) {
  const headingId = useId();
  const editor = useConditionEditor(condition, context, onChange);
  const { mode, ruleErrors, jsonProblem } = editor;
  const builderContext: BuilderContext = {
    errors: editor.errorsByPath,
    currency: context.currency,
  };

  return (
    <section className="flex flex-col gap-y-3" aria-labelledby={headingId}>
      <div className="flex items-center justify-between gap-x-2">
        <div className="flex flex-col">
          <Text size="small" weight="plus" id={headingId}>
            Condition
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            The rule fires only when these hold. No conditions: it always fires.
          </Text>
        </div>
        {mode.kind === "visual" ? (
          <Button type="button" size="small" variant="transparent" disabled={ruleErrors.length > 0} onClick={editor.showJson}>
            Edit as JSON
          </Button>
        ) : (
          <Button type="button" size="small" variant="transparent" disabled={!editor.canShowVisual} onClick={editor.showVisual}>
            Use the visual builder
          </Button>
        )}
      </div>
      {mode.kind === "visual" ? (
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
      ) : (
        <JsonEditor text={mode.text} reason={mode.reason} problem={jsonProblem} onChange={editor.changeJson} />
      )}
      {errors.length > 0 ? (
        <Hint variant="error" role="alert">
          {errors.join(" ")}
        </Hint>
      ) : null}
    </section>
  );
}

function JsonEditor({
  text,
  reason,
  problem,
  onChange,
}: {
  text: string;
  reason: string | null;
  problem: string | null;
  onChange: (t: string) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={id} size="small" weight="plus">
        Condition (JsonLogic)
      </Label>
      <Textarea
        id={id}
        value={text}
        rows={6}
        className="font-mono"
        aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ""}`}
        aria-invalid={problem !== null}
        onChange={(e) => onChange(e.target.value)}
      />
      <Hint id={`${id}-hint`}>
        {reason ? `The visual builder cannot show this condition (${reason}); edit it as JSON. ` : ""}
        JsonLogic over {"{ event, member }"}; money in minor units.
      </Hint>
      {problem ? (
        <Hint id={`${id}-error`} variant="error" role="alert">
          {problem}
        </Hint>
      ) : null}
    </div>
  );
}

// ---- react-querybuilder controls in Medusa UI -----------------------------------------------------

function MedusaSelect({
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
    <Select size="small" value={value ?? ""} onValueChange={onChange} disabled={disabled ?? false}>
      <Select.Trigger aria-label={label} className="w-auto min-w-[9rem]">
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {options.map((o) => (
          <Select.Item key={o.name} value={o.name}>
            {o.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  );
}

function FieldSelector(props: ValueSelectorProps) {
  return (
    <MedusaSelect
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
    <MedusaSelect
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
    <MedusaSelect
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
    <Button
      type="button"
      size="small"
      variant="secondary"
      disabled={disabled ?? false}
      aria-label={`${title ?? "Add"} to ${groupName(path)}`}
      onClick={(e) => handleOnClick(e)}
    >
      {label}
    </Button>
  );
}

function RemoveAction({ label, title, handleOnClick, disabled, path, ruleOrGroup }: ActionProps) {
  const what = "rules" in ruleOrGroup ? groupName(path) : ruleName(path);
  return (
    <Button
      type="button"
      size="small"
      variant="transparent"
      disabled={disabled ?? false}
      aria-label={`${title ?? "Remove"} ${what}`}
      onClick={(e) => handleOnClick(e)}
    >
      {label}
    </Button>
  );
}

function NotToggle({ checked, handleOnChange, disabled, path }: NotToggleProps) {
  const id = useId();
  return (
    <div className="flex items-center gap-x-2">
      <Switch id={id} size="small" checked={checked ?? false} disabled={disabled ?? false} onCheckedChange={(v) => handleOnChange(v)} />
      <Label htmlFor={id} size="small">
        Not ({groupName(path)})
      </Label>
    </div>
  );
}

function ValueEditor(props: ValueEditorProps) {
  const { operator, value, handleOnChange, path, disabled } = props;
  const field = props.fieldData as FullField & Partial<ConditionField>;
  const context = props.context as BuilderContext | undefined;
  const error = context?.errors.get(path.join("."));
  const errorId = useId();
  const name = ruleName(path);
  const described = error ? { "aria-describedby": errorId, "aria-invalid": true } : {};
  const unit = field.kind === "money" ? context?.currency : undefined;

  let editor: ReactNode;
  if (operator === "between") {
    const [from = "", to = ""] = Array.isArray(value) ? (value as string[]) : typeof value === "string" ? value.split(",") : [];
    editor = (
      <div className="flex items-center gap-x-2">
        <Input
          size="small"
          aria-label={`From (${name})`}
          value={String(from)}
          disabled={disabled ?? false}
          {...described}
          onChange={(e) => handleOnChange([e.target.value, to])}
        />
        <Text size="small">and</Text>
        <Input
          size="small"
          aria-label={`To (${name})`}
          value={String(to)}
          disabled={disabled ?? false}
          {...described}
          onChange={(e) => handleOnChange([from, e.target.value])}
        />
      </div>
    );
  } else if (field.kind === "tier" && (operator === "in" || operator === "notIn")) {
    const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
    editor = (
      <fieldset className="flex flex-wrap items-center gap-3" {...described}>
        <legend className="sr-only">Tiers ({name})</legend>
        {flatOptions(props.values ?? []).map((o) => (
          <TierCheckbox
            key={o.name}
            label={String(o.label)}
            checked={chosen.has(o.name)}
            disabled={disabled ?? false}
            onChange={(on) => {
              const next = new Set(chosen);
              if (on) next.add(o.name);
              else next.delete(o.name);
              handleOnChange(
                flatOptions(props.values ?? [])
                  .map((v) => v.name)
                  .filter((n) => next.has(n)),
              );
            }}
          />
        ))}
      </fieldset>
    );
  } else if (field.kind === "tier") {
    editor = (
      <MedusaSelect
        value={typeof value === "string" ? value : ""}
        options={flatOptions(props.values ?? [])}
        onChange={handleOnChange}
        label={`Value of ${name}`}
        disabled={disabled ?? false}
      />
    );
  } else {
    editor = (
      <div className="flex items-center gap-x-2">
        <Input
          size="small"
          aria-label={`Value of ${name}`}
          inputMode={field.kind === "money" ? "decimal" : field.kind === "count" ? "numeric" : "text"}
          value={value === undefined || value === null ? "" : String(value)}
          disabled={disabled ?? false}
          {...described}
          onChange={(e) => handleOnChange(e.target.value)}
        />
        {unit ? (
          <Text size="small" className="text-ui-fg-subtle">
            {unit}
          </Text>
        ) : null}
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-y-1">
      {editor}
      {error ? (
        <Hint id={errorId} variant="error" role="alert">
          {error}
        </Hint>
      ) : null}
    </div>
  );
}

function TierCheckbox({
  label,
  checked,
  disabled,
  onChange,
}: {
  label: string;
  checked: boolean;
  disabled: boolean;
  onChange: (on: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="flex items-center gap-x-2">
      <Checkbox id={id} checked={checked} disabled={disabled} onCheckedChange={(v) => onChange(v === true)} />
      <Label htmlFor={id} size="small">
        {label}
      </Label>
    </div>
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

const classNames = {
  queryBuilder: "flex flex-col gap-y-2",
  ruleGroup: "flex flex-col gap-y-3 rounded-lg border border-ui-border-base bg-ui-bg-subtle p-3",
  header: "flex flex-wrap items-center gap-2",
  body: "flex flex-col gap-y-2",
  rule: "flex flex-wrap items-start gap-2",
};
