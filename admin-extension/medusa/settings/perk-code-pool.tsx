import { Button, Text, Textarea } from "@medusajs/ui";
import { useId } from "react";
import { usePerkCodeImport } from "../../shared/perk-code-import.ts";
import type { PartnerSettlement } from "../../shared/types.ts";
import { ApiErrorAlert } from "../parts/api-error.tsx";
import { Field } from "../parts/field.tsx";
import { formatNumber } from "../parts/format.ts";

export interface PerkCodePoolProps {
  /** The key of a partner in the saved program. */
  partner: string;
  /** The pool's stock, from the settlement query. */
  stock: Pick<PartnerSettlement, "codesImported" | "codesLeft"> | undefined;
  loading: boolean;
}

/**
 * A saved partner's perk code pool: its stock, and codes pasted one per line to import. The lines
 * go as pasted, so the engine's "code 3 contains whitespace" is line 3; it trims and skips blanks.
 */
export function PerkCodePool({ partner, stock, loading }: PerkCodePoolProps) {
  const headingId = useId();
  const { importCodes, text, setText, done, submit } = usePerkCodeImport(partner);

  return (
    <form className="flex flex-col gap-y-3 rounded-lg bg-ui-bg-subtle p-4" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Text asChild size="small" weight="plus">
          <h4 id={headingId}>Perk code pool</h4>
        </Text>
        <Text size="small" className="text-ui-fg-subtle tabular-nums" data-stock="">
          {stock
            ? `${formatNumber(stock.codesLeft)} of ${formatNumber(stock.codesImported)} codes left`
            : loading
              ? "Loading stock…"
              : null}
        </Text>
      </div>
      <Field label="Perk codes, one per line" hint="Paste the codes the partner sent you. Codes already in the pool are not added twice.">
        {(control) => (
          <Textarea
            {...control}
            name="codes"
            rows={4}
            autoComplete="off"
            spellCheck={false}
            value={text}
            disabled={importCodes.isPending}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      {importCodes.isError ? <ApiErrorAlert error={importCodes.error} /> : null}
      <div className="flex items-center justify-end gap-x-3">
        <Text size="small" className="text-ui-fg-subtle" role="status" aria-live="polite">
          {done}
        </Text>
        <Button type="submit" size="small" variant="secondary" isLoading={importCodes.isPending}>
          Import codes
        </Button>
      </div>
    </form>
  );
}
