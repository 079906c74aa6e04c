import { BlockStack, Button, InlineGrid, Text, TextField } from "@shopify/polaris";
import type { TrialLineForm } from "../../../shared/trial-order.ts";

export interface TrialLinesProps {
  lines: TrialLineForm[];
  errors: Partial<Record<keyof TrialLineForm, string>>[];
  onChange: (lines: TrialLineForm[]) => void;
  onAdd: () => void;
}

/** The order's lines, optional: only rules limited to some products or collections need them. */
export function TrialLines({ lines, errors, onChange, onAdd }: TrialLinesProps) {
  const patch = (i: number, p: Partial<TrialLineForm>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...p } : l)));
  return (
    <BlockStack gap="300">
      {lines.map((line, i) => {
        const e = errors[i] ?? {};
        const n = i + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity of their own
          <fieldset key={i} style={{ border: 0, margin: 0, padding: 0 }}>
            <legend>
              <Text as="span" fontWeight="medium">
                Line {n}
              </Text>
            </legend>
            <InlineGrid columns={{ xs: 1, md: 5 }} gap="200">
              <TextField
                label={`Product ID (line ${n})`}
                value={line.productId}
                autoComplete="off"
                error={e.productId}
                onChange={(productId) => patch(i, { productId })}
              />
              <TextField
                label={`Variant ID (line ${n})`}
                value={line.variantId}
                autoComplete="off"
                onChange={(variantId) => patch(i, { variantId })}
              />
              <TextField
                label={`Collection IDs (line ${n})`}
                value={line.collectionIds}
                autoComplete="off"
                helpText="Separated by commas."
                onChange={(collectionIds) => patch(i, { collectionIds })}
              />
              <TextField
                label={`Quantity (line ${n})`}
                value={line.quantity}
                autoComplete="off"
                inputMode="numeric"
                error={e.quantity}
                onChange={(quantity) => patch(i, { quantity })}
              />
              <TextField
                label={`Price each (line ${n})`}
                value={line.price}
                autoComplete="off"
                inputMode="decimal"
                error={e.price}
                onChange={(price) => patch(i, { price })}
              />
            </InlineGrid>
            <Button variant="plain" tone="critical" onClick={() => onChange(lines.filter((_, j) => j !== i))}>
              {`Remove line ${n}`}
            </Button>
          </fieldset>
        );
      })}
      <div>
        <Button onClick={onAdd}>Add an order line</Button>
      </div>
    </BlockStack>
  );
}
