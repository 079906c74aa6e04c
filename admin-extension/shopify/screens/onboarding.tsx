import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Card,
  InlineStack,
  Layout,
  Link,
  List,
  SkeletonBodyText,
  SkeletonDisplayText,
  Text,
} from "@shopify/polaris";
import { useAudit, useProgram } from "../../shared/hooks.ts";
import { type OnboardingStep, onboardingSteps, themeEmbedLink } from "../../shared/onboarding.ts";
import { AppLink } from "../app/router.tsx";
import { ScreenFrame } from "../app/screen-frame.tsx";
import { type AppSession, useAppSession } from "../app/session.ts";

const STATE_BADGE = {
  done: <Badge tone="success">Done</Badge>,
  todo: <Badge tone="attention">To do</Badge>,
  unknown: <Badge>Check in your theme</Badge>,
} as const;

function StepAction({ step, session }: { step: OnboardingStep; session: AppSession | null }) {
  switch (step.key) {
    case "basics":
      return <AppLink to="/app/settings">Open Settings</AppLink>;
    case "tiers":
      return <AppLink to="/app/tiers">Open Tiers</AppLink>;
    case "themeEmbed":
      if (!session) return null;
      return (
        <Link url={themeEmbedLink(session.shop, session.apiKey)} target="_blank">
          Open the theme editor
        </Link>
      );
    case "memberPrices":
      return <AppLink to="/app/member-prices">Open Member prices</AppLink>;
    case "reward":
      return <AppLink to="/app/rewards">Open Rewards</AppLink>;
  }
}

function Status({ session }: { session: AppSession }) {
  const problems = [
    session.problem,
    session.currencyProblem?.message,
    session.scopesProblem?.message,
    session.discountProblem?.message,
  ].filter((p): p is string => Boolean(p));
  const rows: [string, string][] = [
    ["Shop", session.shop],
    ["Status", session.token.held ? "Connected" : "Not connected"],
    ["Currency", session.currency],
    ["Time zone", session.timezone],
    ["Members", new Intl.NumberFormat("en-US").format(session.members)],
    ["Configuration version", String(session.configVersion)],
  ];
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {session.name}
        </Text>
        <dl style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: "4px 16px", margin: 0 }}>
          {rows.map(([term, value]) => (
            <div key={term} style={{ display: "contents" }}>
              <dt>
                <Text as="span" fontWeight="semibold">
                  {term}
                </Text>
              </dt>
              <dd style={{ margin: 0, overflowWrap: "anywhere" }}>{value}</dd>
            </div>
          ))}
        </dl>
        {problems.map((p) => (
          <Banner key={p} tone="warning">
            <Text as="p">{p}</Text>
          </Banner>
        ))}
      </BlockStack>
    </Card>
  );
}

const CHECKING = <Badge>Checking…</Badge>;
/** The steps whose state only the app server knows (/app/session): shown as being checked until it answers. */
const FROM_SESSION = new Set<OnboardingStep["key"]>(["themeEmbed", "memberPrices"]);

/**
 * The landing screen: what is left to set up, from the program's real state, and the shop's
 * status. The checklist draws as soon as the program and its audit log are in; the steps the app
 * server answers (it may be talking to Shopify) fill in when /app/session does.
 */
export function OnboardingScreen() {
  const session = useAppSession();
  const program = useProgram();
  const audit = useAudit(50);
  const error = program.error ?? audit.error ?? session.error;
  const known = session.data;
  const steps =
    program.data && audit.data
      ? onboardingSteps({
          program: program.data,
          audit: audit.data,
          themeEmbed: known?.themeEmbed ?? "unknown",
          memberPricesActive: known?.memberPricesActive ?? false,
        })
      : [];
  const checking = (step: OnboardingStep) => !known && FROM_SESSION.has(step.key);
  const done = steps.filter((s) => s.state === "done" && !checking(s)).length;
  return (
    <ScreenFrame title="Get started with Kinship" loading={program.isPending || audit.isPending} error={error}>
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  Setup checklist
                </Text>
                <Text as="p" tone="subdued">
                  {known ? `${done} of ${steps.length} done` : "Checking…"}
                </Text>
              </InlineStack>
              <List type="number">
                {steps.map((step) => (
                  <List.Item key={step.key}>
                    <Box paddingBlockEnd="200">
                      <InlineStack gap="200" blockAlign="center" wrap>
                        <Text as="span" fontWeight="semibold">
                          {step.title}
                        </Text>
                        {checking(step) ? CHECKING : STATE_BADGE[step.state]}
                        <StepAction step={step} session={known ?? null} />
                      </InlineStack>
                      {known && step.key === "themeEmbed" && step.state === "unknown" && (
                        <Text as="p" tone="subdued">
                          Kinship cannot read your theme's settings (it has no read_themes access): check that the launcher embed is on.
                        </Text>
                      )}
                    </Box>
                  </List.Item>
                ))}
              </List>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          {known ? (
            <Status session={known} />
          ) : (
            <Card>
              <BlockStack gap="300">
                <SkeletonDisplayText size="small" />
                <SkeletonBodyText lines={5} />
              </BlockStack>
            </Card>
          )}
        </Layout.Section>
      </Layout>
    </ScreenFrame>
  );
}
