import { Button, Heading } from "@medusajs/ui";
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
  /** Shown next to the buttons (a switch, a toggle). */
  actions?: ReactNode;
  children: ReactNode;
}

/** One tier, rule, reward or member price in a list: a titled group of fields with move and remove. */
export function ItemCard({ name, noun, index, count, onMove, onRemove, actions, children }: ItemCardProps) {
  const headingId = useId();
  const title = name.trim() || `Untitled ${noun}`;
  return (
    <fieldset className="flex flex-col gap-y-4 rounded-lg border border-ui-border-base p-4" aria-labelledby={headingId} data-item={noun}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Heading level="h3" id={headingId}>
          {title}
        </Heading>
        <div className="flex flex-wrap items-center gap-2">
          {actions}
          <Button
            type="button"
            size="small"
            variant="transparent"
            disabled={index === 0}
            aria-label={`Move up ${title}`}
            onClick={() => onMove(index - 1)}
          >
            Move up
          </Button>
          <Button
            type="button"
            size="small"
            variant="transparent"
            disabled={index === count - 1}
            aria-label={`Move down ${title}`}
            onClick={() => onMove(index + 1)}
          >
            Move down
          </Button>
          <Button type="button" size="small" variant="danger" aria-label={`Remove ${title}`} onClick={onRemove}>
            Remove
          </Button>
        </div>
      </div>
      {children}
    </fieldset>
  );
}
