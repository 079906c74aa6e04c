import { BlockStack, Button, Card, Checkbox, InlineGrid, Text, TextField } from "@shopify/polaris";
import { rateSentence, useCurrencyRows } from "../../shared/campaigns-edit.ts";
import { issuesAt } from "../../shared/config-edit.ts";
import type { TabProps } from "../../shared/tab-props.ts";
import { ProgramScreen } from "./program-form/program-screen.tsx";

/** Other currencies orders earn in (Shopify Markets), at rates the owner sets. */
export function CurrenciesScreen() {
  return (
    <ProgramScreen title="Currencies" section="currencies">
      {(props) => <CurrenciesForm {...props} />}
    </ProgramScreen>
  );
}

function CurrenciesForm({ config, edit, issues }: TabProps) {
  const table = useCurrencyRows(config, edit);
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="p" tone="subdued">
          An order in one of these currencies earns as if its amounts were converted to {config.currency} at the rate; member prices are
          converted the same way unless you turn that off. An order in a currency not listed earns nothing.
        </Text>
        {table.rows.length === 0 ? (
          <Text as="p" tone="subdued">
            Only {config.currency} earns.
          </Text>
        ) : null}
        {table.rows.map((row, i) => {
          const e = table.errors[i] ?? {};
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: codes are typed in place; rows keep their position
            <section key={i} aria-label={`Currency ${row.code || i + 1}`} data-currency={row.code}>
              <InlineGrid columns={{ xs: 1, md: 4 }} gap="300" alignItems="end">
                <TextField
                  label="Currency"
                  value={row.code}
                  onChange={(code) => table.update(i, { code: code.toUpperCase() })}
                  autoComplete="off"
                  placeholder="EUR"
                  error={e.code ?? (row.code ? issuesAt(issues, "currencies", row.code).join(" ") || undefined : undefined)}
                />
                <TextField
                  label="Rate"
                  value={row.rate}
                  onChange={(rate) => table.update(i, { rate })}
                  autoComplete="off"
                  inputMode="decimal"
                  helpText={rateSentence(row, config.currency)}
                  error={e.rate ?? (issuesAt(issues, "currencies", row.code, "rate").join(" ") || undefined)}
                />
                <Checkbox
                  label="Member prices too"
                  checked={row.memberPrices}
                  onChange={(memberPrices) => table.update(i, { memberPrices })}
                />
                <div>
                  <Button tone="critical" accessibilityLabel={`Remove ${row.code || "this currency"}`} onClick={() => table.remove(i)}>
                    Remove
                  </Button>
                </div>
              </InlineGrid>
            </section>
          );
        })}
        <div>
          <Button onClick={table.add}>Add currency</Button>
        </div>
      </BlockStack>
    </Card>
  );
}
