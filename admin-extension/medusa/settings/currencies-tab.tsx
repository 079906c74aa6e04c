import { Button, Text } from "@medusajs/ui";
import { rateSentence, useCurrencyRows } from "../../shared/campaigns-edit.ts";
import { issuesAt } from "../../shared/config-edit.ts";
import { CheckboxField } from "../parts/checkbox-field.tsx";
import { TextField } from "../parts/text-field.tsx";
import type { TabProps } from "./tab-props.ts";

/** Other currencies orders earn in (Medusa regions), at rates the owner sets. */
export function CurrenciesTab({ config, edit, issues }: TabProps) {
  const table = useCurrencyRows(config, edit);
  return (
    <div className="flex flex-col gap-y-4">
      <Text size="small" className="text-ui-fg-subtle">
        An order in one of these currencies earns as if its amounts were converted to {config.currency} at the rate; member prices are
        converted the same way unless you turn that off. An order in a currency not listed earns nothing.
      </Text>
      {table.rows.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          Only {config.currency} earns.
        </Text>
      ) : null}
      {table.rows.map((row, i) => {
        const e = table.errors[i] ?? {};
        const engineCode = row.code ? issuesAt(issues, "currencies", row.code) : [];
        return (
          <fieldset
            // biome-ignore lint/suspicious/noArrayIndexKey: codes are typed in place; rows keep their position
            key={i}
            className="grid grid-cols-1 items-end gap-4 rounded-lg border border-ui-border-base p-4 md:grid-cols-4"
            aria-label={`Currency ${row.code || i + 1}`}
            data-currency={row.code}
          >
            <TextField
              label="Currency"
              value={row.code}
              placeholder="EUR"
              errors={e.code ? [e.code] : engineCode}
              onChange={(code) => table.update(i, { code: code.toUpperCase() })}
            />
            <TextField
              label="Rate"
              value={row.rate}
              hint={rateSentence(row, config.currency)}
              errors={e.rate ? [e.rate] : issuesAt(issues, "currencies", row.code, "rate")}
              onChange={(rate) => table.update(i, { rate })}
            />
            <CheckboxField
              label="Member prices too"
              checked={row.memberPrices}
              onChange={(memberPrices) => table.update(i, { memberPrices })}
            />
            <div>
              <Button
                type="button"
                size="small"
                variant="danger"
                aria-label={`Remove ${row.code || "this currency"}`}
                onClick={() => table.remove(i)}
              >
                Remove
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <Button type="button" size="small" variant="secondary" onClick={table.add}>
          Add currency
        </Button>
      </div>
    </div>
  );
}
