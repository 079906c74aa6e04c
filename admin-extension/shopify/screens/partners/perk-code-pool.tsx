import { BlockStack, Box, Button, InlineStack, Text, TextField } from "@shopify/polaris";
import { useId } from "react";
import { formatNumber } from "../../../shared/format.ts";
import { usePerkCodeImport } from "../../../shared/perk-code-import.ts";
import type { PartnerSettlement } from "../../../shared/types.ts";
import { ApiErrorBanner } from "../program-form/api-error-banner.tsx";

export interface PerkCodePoolProps {
  /** The key of a partner in the saved program. */
  partner: string;
  /** The pool's stock, from the settlement query. */
  stock: Pick<PartnerSettlement, "codesImported" | "codesLeft"> | undefined;
  loading: boolean;
}

/**
 * A saved partner's perk code pool: its stock, and codes pasted one per line to import (on their
 * own, without saving the program). The lines go as pasted, so the engine's "code 3 ..." is line 3.
 */
export function PerkCodePool({ partner, stock, loading }: PerkCodePoolProps) {
  const headingId = useId();
  const { importCodes, text, setText, done, submit } = usePerkCodeImport(partner);

  return (
    <Box background="bg-surface-secondary" padding="400" borderRadius="200">
      <form aria-labelledby={headingId} onSubmit={submit} noValidate>
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center" gap="200">
            <Text as="h4" variant="headingSm" id={headingId}>
              Perk code pool
            </Text>
            <span data-stock="">
              <Text as="span" tone="subdued" numeric>
                {stock
                  ? `${formatNumber(stock.codesLeft)} of ${formatNumber(stock.codesImported)} codes left`
                  : loading
                    ? "Loading stock…"
                    : ""}
              </Text>
            </span>
          </InlineStack>
          <TextField
            label="Perk codes, one per line"
            helpText="Paste the codes the partner sent you. Codes already in the pool are not added twice."
            value={text}
            onChange={setText}
            multiline={4}
            autoComplete="off"
            spellCheck={false}
            disabled={importCodes.isPending}
          />
          {importCodes.isError ? <ApiErrorBanner error={importCodes.error} /> : null}
          <InlineStack align="end" blockAlign="center" gap="300">
            <div role="status" aria-live="polite">
              <Text as="span" tone="subdued">
                {done}
              </Text>
            </div>
            <Button submit loading={importCodes.isPending}>
              Import codes
            </Button>
          </InlineStack>
        </BlockStack>
      </form>
    </Box>
  );
}
