import { BlockStack, Button, Card, InlineError, Text } from "@shopify/polaris";
import { type ReactNode, useId } from "react";

export interface ItemListProps {
  /** What the list is for, above it. */
  intro: ReactNode;
  /** The engine's issues about the list as a whole (a duplicate id, too many items). */
  listIssues: readonly string[];
  /** Shown when the list has no items; omitted when it can never be empty. */
  empty?: string;
  count: number;
  addLabel: string;
  onAdd: () => void;
  /** The item cards. */
  children: ReactNode;
}

/** The frame every config list shares: intro, list-wide issues, an empty note, the cards, and an Add button. */
export function ItemList({ intro, listIssues, empty, count, addLabel, onAdd, children }: ItemListProps) {
  const errorId = useId();
  return (
    <BlockStack gap="400">
      <Text as="p" tone="subdued">
        {intro}
      </Text>
      {listIssues.length > 0 ? (
        <div role="alert">
          <InlineError message={listIssues.join(" ")} fieldID={errorId} />
        </div>
      ) : null}
      {count === 0 && empty ? (
        <Card>
          <Text as="p" tone="subdued">
            {empty}
          </Text>
        </Card>
      ) : null}
      {children}
      <div>
        <Button onClick={onAdd}>{addLabel}</Button>
      </div>
    </BlockStack>
  );
}
