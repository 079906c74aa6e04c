import { amountKind, amountValue, makeAmount } from "../../../shared/config-edit.ts";
import { parseFactor, parseWholeNumber } from "../../../shared/parse.ts";
import type { Amount, AmountKind } from "../../../shared/program-config.ts";
import { FormGrid } from "../program-form/form-grid.tsx";
import { ParsedField } from "../program-form/parsed-field.tsx";
import { SelectInput } from "../program-form/select-input.tsx";

const defaults: Record<AmountKind, number> = { perUnit: 1, fixed: 100, multiplier: 2 };

export interface AmountEditorProps {
  /** "Points" or "Growth". */
  noun: string;
  amount: Amount | undefined;
  currency: string;
  /** perUnit and multiplier need an order to measure. */
  orderTrigger: boolean;
  onChange: (amount: Amount | undefined) => void;
  errors: readonly string[];
}

/** How much of one reward part (points or growth) a rule gives: none, per currency unit, fixed, or a multiplier. */
export function AmountEditor({ noun, amount, currency, orderTrigger, onChange, errors }: AmountEditorProps) {
  const kind = amountKind(amount);
  const options = [
    { value: "none", label: `No ${noun.toLowerCase()}` },
    ...(orderTrigger || kind === "perUnit" ? [{ value: "perUnit", label: `Per whole ${currency} spent` }] : []),
    { value: "fixed", label: "A fixed amount" },
    ...(orderTrigger || kind === "multiplier" ? [{ value: "multiplier", label: "A multiplier of the order's points" }] : []),
  ];
  const valueLabel = kind === "perUnit" ? `${noun} per ${currency} 1` : kind === "multiplier" ? `${noun} multiplier` : `${noun} awarded`;
  return (
    <FormGrid>
      <SelectInput
        label={`${noun} reward`}
        value={kind ?? "none"}
        options={options}
        errors={errors}
        onChange={(next) => {
          const k = next === "none" ? null : (next as AmountKind);
          onChange(makeAmount(k, k ? defaults[k] : 0));
        }}
      />
      {kind ? (
        <ParsedField
          key={kind}
          label={valueLabel}
          value={amountValue(amount)}
          format={String}
          parse={kind === "fixed" ? parseWholeNumber : parseFactor}
          inputMode={kind === "fixed" ? "numeric" : "decimal"}
          helpText={kind === "multiplier" ? "2 doubles the points the order earns from per-unit rules." : undefined}
          onChange={(v) => v !== undefined && onChange(makeAmount(kind, v))}
        />
      ) : null}
    </FormGrid>
  );
}
