import { BlockStack, Button, ButtonGroup, Card, InlineStack, Text } from "@shopify/polaris";
import { type ReactNode, useId } from "react";

export interface ItemCardProps {
  /** What the item is called on screen ("Gold", "Welcome gift"). */
  name: string;
  /** "tier", "rule", ... for the buttons' accessible names. */
  noun: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  /** Shown next to the buttons (a checkbox, a badge). */
  actions?: ReactNode;
  children: ReactNode;
}

/** One tier, rule, reward, member price or partner: a titled card of fields with move and remove. */
export function ItemCard({ name, noun, index, count, onMove, onRemove, actions, children }: ItemCardProps) {
  const headingId = useId();
  const title = name.trim() || `Untitled ${noun}`;
  return (
    <section aria-labelledby={headingId} data-item={noun}>
      <Card>
        <BlockStack gap="400">
          <InlineStack align="space-between" blockAlign="center" gap="200" wrap>
            <Text as="h3" variant="headingMd" id={headingId} breakWord>
              {title}
            </Text>
            <InlineStack gap="200" blockAlign="center" wrap>
              {actions}
              <ButtonGroup>
                <Button disabled={index === 0} accessibilityLabel={`Move up: ${title}`} onClick={() => onMove(index - 1)}>
                  Move up
                </Button>
                <Button disabled={index === count - 1} accessibilityLabel={`Move down: ${title}`} onClick={() => onMove(index + 1)}>
                  Move down
                </Button>
                <Button tone="critical" accessibilityLabel={`Remove ${title}`} onClick={onRemove}>
                  Remove
                </Button>
              </ButtonGroup>
            </InlineStack>
          </InlineStack>
          {children}
        </BlockStack>
      </Card>
    </section>
  );
}
