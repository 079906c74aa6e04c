import type { ReactNode } from "react";
import { decimalToMinor, minorToDecimal } from "../../shared/money.ts";
import { ParsedInput } from "./parsed-input.tsx";

export interface MoneyInputProps {
  label: string;
  /** Minor units of `currency`. */
  value: number | undefined;
  currency: string;
  onChange: (minor: number) => void;
  errors?: readonly string[];
  hint?: ReactNode;
}

/** An amount typed in decimal ("12.50") and kept as exact minor units (1250). */
export function MoneyInput({ label, value, currency, onChange, errors, hint }: MoneyInputProps) {
  return (
    <ParsedInput
      label={`${label} (${currency})`}
      value={value}
      format={(minor) => minorToDecimal(minor, currency)}
      parse={(text) => decimalToMinor(text, currency)}
      inputMode="decimal"
      errors={errors ?? []}
      hint={hint}
      onChange={(minor) => minor !== undefined && onChange(minor)}
    />
  );
}
