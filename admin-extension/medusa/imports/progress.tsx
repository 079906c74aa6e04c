import { Text } from "@medusajs/ui";
import { useId } from "react";
import { type Progress, percent } from "../../shared/import-upload.ts";

/** A labelled progress bar (the native element: announced by screen readers, no script). */
export function ImportProgress({ label, progress }: { label: string; progress: Progress }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="small" id={id}>
        {label}
      </Text>
      <progress
        aria-labelledby={id}
        max={100}
        value={percent(progress)}
        className="h-2 w-full overflow-hidden rounded-full [&::-moz-progress-bar]:bg-ui-fg-interactive [&::-webkit-progress-bar]:bg-ui-bg-component [&::-webkit-progress-value]:bg-ui-fg-interactive"
      />
    </div>
  );
}
