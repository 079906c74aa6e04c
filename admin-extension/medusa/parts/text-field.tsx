import { Input } from "@medusajs/ui";
import type { ReactNode } from "react";
import { Field } from "./field.tsx";

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: readonly string[];
  hint?: ReactNode;
  placeholder?: string;
  required?: boolean;
  className?: string;
}

export function TextField({ label, value, onChange, errors, hint, placeholder, required, className }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} errors={errors ?? []} {...(className ? { className } : {})}>
      {(control) => (
        <Input {...control} value={value} placeholder={placeholder} required={required} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}
