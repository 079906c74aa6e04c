import { TextField } from "@shopify/polaris";
import type { ReactNode } from "react";

export interface TextInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The engine's issues for this field. */
  errors?: readonly string[];
  helpText?: ReactNode;
  placeholder?: string;
  multiline?: boolean | number;
}

/** A plain text field of the config (a name, a key) with the engine's messages for it. */
export function TextInput({ label, value, onChange, errors = [], helpText, placeholder, multiline }: TextInputProps) {
  return (
    <TextField
      label={label}
      value={value}
      onChange={onChange}
      autoComplete="off"
      helpText={helpText}
      placeholder={placeholder}
      multiline={multiline}
      error={errors.length > 0 ? errors.join(" ") : undefined}
    />
  );
}
