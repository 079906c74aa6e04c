import { Select } from "@shopify/polaris";
import type { ReactNode } from "react";

export interface SelectInputProps {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  errors?: readonly string[];
  helpText?: ReactNode;
}

/** A Polaris select of the config with the engine's messages for it. */
export function SelectInput({ label, value, options, onChange, errors = [], helpText }: SelectInputProps) {
  return (
    <Select
      label={label}
      value={value}
      options={options.map((o) => ({ value: o.value, label: o.label }))}
      onChange={onChange}
      helpText={helpText}
      error={errors.length > 0 ? errors.join(" ") : undefined}
    />
  );
}
