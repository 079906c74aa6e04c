import { currencyExponent, decimalToMinor, minorToDecimal } from "../../../shared/money.ts";
import { ParsedField } from "./parsed-field.tsx";

export interface MoneyFieldProps {
  label: string;
  /** Minor units of `currency`. */
  value: number;
  currency: string;
  onChange: (minor: number) => void;
  errors?: readonly string[];
  helpText?: string;
}

/** An amount typed as a decimal ("12.50") and kept as integer minor units. */
export function MoneyField({ label, value, currency, onChange, errors, helpText }: MoneyFieldProps) {
  return (
    <ParsedField
      label={label}
      value={value}
      format={(minor) => minorToDecimal(minor, currency)}
      parse={(text) => decimalToMinor(text, currency)}
      inputMode={currencyExponent(currency) === 0 ? "numeric" : "decimal"}
      suffix={currency}
      errors={errors ?? []}
      helpText={helpText}
      onChange={(minor) => minor !== undefined && onChange(minor)}
    />
  );
}
