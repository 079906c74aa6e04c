import { BlockStack, Box, Button, Card, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { type FormEvent, useId, useState } from "react";
import type { EarnRule, ProgramConfig } from "../../../shared/program-config.ts";
import { useTryRule } from "../../../shared/screen-hooks.ts";
import { buildTrialOrder, emptyTrialLine, type TrialFormErrors, type TrialOrderForm } from "../../../shared/trial-order.ts";
import { ApiErrorBanner } from "../program-form/api-error-banner.tsx";
import { TrialLines } from "./trial-lines.tsx";
import { TrialResult } from "./trial-result.tsx";

/**
 * "Try this rule on an order": what the rule as edited (saved or not) would give an order, and
 * each check the engine made. Nothing is written.
 */
export function TryRulePanel({ rule, config }: { rule: EarnRule; config: ProgramConfig }) {
  const headingId = useId();
  const trial = useTryRule();
  const [form, setForm] = useState<TrialOrderForm>(() => ({ subtotal: "", currency: config.currency, at: "", lines: [] }));
  const [tier, setTier] = useState(config.tiers[0]?.key ?? "");
  const [errors, setErrors] = useState<TrialFormErrors>({});
  const set = (patch: Partial<TrialOrderForm>) => setForm((f) => ({ ...f, ...patch }));

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const built = buildTrialOrder(form, config.timezone);
    if (!built.ok) {
      setErrors(built.errors);
      trial.reset();
      return;
    }
    setErrors({});
    trial.mutate({ rule, order: built.order, tier: tier || null });
  }

  return (
    <section aria-labelledby={headingId} data-try-rule="">
      <Card background="bg-surface-secondary">
        <form onSubmit={submit} noValidate>
          <BlockStack gap="400">
            <BlockStack gap="100">
              <Text as="h4" variant="headingSm" id={headingId}>
                Try this rule on an order
              </Text>
              <Text as="p" tone="subdued">
                Uses the rule as it is on screen, saved or not. Nothing is recorded.
              </Text>
            </BlockStack>
            <InlineStack gap="400" wrap>
              <Box minWidth="10rem">
                <TextField
                  label="Subtotal"
                  value={form.subtotal}
                  onChange={(subtotal) => set({ subtotal })}
                  autoComplete="off"
                  inputMode="decimal"
                  placeholder="120.00"
                  error={errors.subtotal}
                />
              </Box>
              <Box minWidth="6rem">
                <TextField
                  label="Currency"
                  value={form.currency}
                  onChange={(currency) => set({ currency })}
                  autoComplete="off"
                  maxLength={3}
                  error={errors.currency}
                />
              </Box>
              <Box minWidth="10rem">
                <Select
                  label="Member tier"
                  value={tier}
                  options={config.tiers.map((t) => ({ value: t.key, label: t.name }))}
                  onChange={setTier}
                />
              </Box>
              <Box minWidth="14rem">
                <TextField
                  label="Order date"
                  type="datetime-local"
                  value={form.at}
                  onChange={(at) => set({ at })}
                  autoComplete="off"
                  helpText={`In ${config.timezone ?? "UTC"}; empty: now.`}
                  error={errors.at}
                />
              </Box>
            </InlineStack>
            <TrialLines
              lines={form.lines}
              errors={errors.lines ?? []}
              onChange={(lines) => set({ lines })}
              onAdd={() => set({ lines: [...form.lines, emptyTrialLine()] })}
            />
            <InlineStack gap="200" blockAlign="center">
              <Button submit variant="primary" loading={trial.isPending}>
                Try the rule
              </Button>
              {Object.keys(errors).length > 0 ? (
                <Text as="span" tone="critical">
                  Fix the fields marked in red to try the rule.
                </Text>
              ) : null}
            </InlineStack>
            <div role="status" aria-live="polite">
              {trial.data ? (
                <TrialResult trial={trial.data} />
              ) : trial.isError ? null : (
                <Text as="span" visuallyHidden>
                  {trial.isPending ? "Trying the rule…" : ""}
                </Text>
              )}
            </div>
            {trial.isError ? <ApiErrorBanner error={trial.error} title="The engine could not try this rule." /> : null}
          </BlockStack>
        </form>
      </Card>
    </section>
  );
}
