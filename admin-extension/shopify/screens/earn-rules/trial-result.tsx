import { Badge, BlockStack, InlineStack, Text } from "@shopify/polaris";
import { formatNumber } from "../../../shared/format.ts";
import type { RuleTrial } from "../../../shared/types.ts";

/** What the rule would give, and each check the engine made, passed or failed in words (not colour alone). */
export function TrialResult({ trial }: { trial: RuleTrial }) {
  return (
    <BlockStack gap="300">
      <InlineStack gap="300" blockAlign="center" wrap>
        <Badge tone={trial.applies ? "success" : "attention"}>{trial.applies ? "The rule applies" : "The rule does not apply"}</Badge>
        <Text as="p" variant="headingMd">
          <span data-trial-total="">
            {formatNumber(trial.points)} points · {formatNumber(trial.growth)} growth
          </span>
        </Text>
      </InlineStack>
      <ol style={{ margin: 0, paddingInlineStart: "1.25rem" }} aria-label="The engine's checks">
        {trial.steps.map((step, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the steps are replaced whole, in the engine's order
          <li key={i} data-step={step.check} data-passed={step.passed}>
            <InlineStack gap="200" blockAlign="start" wrap={false}>
              <Badge tone={step.passed ? "success" : "critical"}>{step.passed ? "Passed" : "Failed"}</Badge>
              <Text as="span" breakWord>
                <Text as="span" fontWeight="semibold">
                  {step.check}
                </Text>
                : {step.detail}
              </Text>
            </InlineStack>
          </li>
        ))}
      </ol>
    </BlockStack>
  );
}
