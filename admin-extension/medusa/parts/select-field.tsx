import { Select } from "@medusajs/ui";
import type { ReactNode } from "react";
import { Field } from "./field.tsx";

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  label: string;
  /** Radix Select has no empty value: give "none"-like options a real value. */
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  errors?: readonly string[];
  hint?: ReactNode;
  className?: string;
}

/** Medusa's Select with a visible label: the label names the trigger (a labelable button). */
export function SelectField({ label, value, options, onChange, errors, hint, className }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} errors={errors ?? []} {...(className ? { className } : {})}>
      {(control) => (
        <Select value={value} onValueChange={onChange}>
          <Select.Trigger {...control}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {options.map((o) => (
              <Select.Item key={o.value} value={o.value}>
                {o.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      )}
    </Field>
  );
}
