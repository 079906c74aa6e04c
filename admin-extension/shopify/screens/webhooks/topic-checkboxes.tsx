import { Checkbox, InlineError, InlineGrid, Text } from "@shopify/polaris";
import { useId } from "react";
import { toggleTopic, topicLabel } from "../../../shared/webhooks.ts";

/** The events an endpoint receives, one checkbox per topic the engine offers. */
export function TopicCheckboxes({
  topics,
  selected,
  onChange,
  error,
}: {
  topics: readonly string[];
  selected: readonly string[];
  onChange: (topics: string[]) => void;
  error?: string;
}) {
  const errorId = useId();
  return (
    <fieldset style={{ border: 0, margin: 0, padding: 0 }} aria-describedby={error ? errorId : undefined}>
      <legend>
        <Text as="span" fontWeight="medium">
          Events
        </Text>
      </legend>
      <InlineGrid columns={{ xs: 1, sm: 2, lg: 3 }} gap="100">
        {topics.map((t) => (
          <Checkbox
            key={t}
            label={topicLabel(t)}
            helpText={t}
            checked={selected.includes(t)}
            onChange={(on) => onChange(toggleTopic(selected, t, on, topics))}
          />
        ))}
      </InlineGrid>
      {error ? <InlineError message={error} fieldID={errorId} /> : null}
    </fieldset>
  );
}
