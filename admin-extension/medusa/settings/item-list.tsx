import { Button, Text } from "@medusajs/ui";
import type { ReactNode } from "react";

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

/** The frame every settings list shares: intro, list-wide issues, an empty note, the cards, and an Add button. */
export function ItemList({ intro, listIssues, empty, count, addLabel, onAdd, children }: ItemListProps) {
  return (
    <>
      <Text size="small" className="text-ui-fg-subtle">
        {intro}
      </Text>
      {listIssues.length > 0 ? (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {listIssues.join(" ")}
        </Text>
      ) : null}
      {count === 0 && empty ? (
        <Text size="small" className="text-ui-fg-subtle">
          {empty}
        </Text>
      ) : null}
      {children}
      <div>
        <Button type="button" size="small" variant="secondary" onClick={onAdd}>
          {addLabel}
        </Button>
      </div>
    </>
  );
}
