import { Text } from "@medusajs/ui";
import type { ReactNode } from "react";

/** One figure in a widget's summary: a term and its value, inside a <dl>. */
export function Stat({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-1">
      <Text asChild size="small" className="text-ui-fg-subtle">
        <dt>{term}</dt>
      </Text>
      <Text asChild size="base" weight="plus" className="tabular-nums">
        <dd>{children}</dd>
      </Text>
    </div>
  );
}
