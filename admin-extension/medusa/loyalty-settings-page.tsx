import { Alert, Button, Container, Heading, Tabs, Text, toast } from "@medusajs/ui";
import { useId, useState } from "react";
import { type AdminApiError, toAdminApiError } from "../shared/client.ts";
import { type ConfigIssue, issueLocation, issueSection, parseIssues } from "../shared/config-edit.ts";
import { basicsPaths } from "../shared/program-basics.ts";
import { useProgramEditor } from "../shared/program-editor.ts";
import { ApiErrorAlert } from "./parts/api-error.tsx";
import { useValidityTracker, ValidityProvider } from "./parts/validity.tsx";
import { CampaignsTab } from "./settings/campaigns-tab.tsx";
import { CurrenciesTab } from "./settings/currencies-tab.tsx";
import { EarnRulesTab } from "./settings/earn-rules-tab.tsx";
import { MemberPricesTab } from "./settings/member-prices-tab.tsx";
import { PartnersTab } from "./settings/partners-tab.tsx";
import { PlansTab } from "./settings/plans-tab.tsx";
import { ProgramTab } from "./settings/program-tab.tsx";
import { ReferralsTab } from "./settings/referrals-tab.tsx";
import { RewardsTab } from "./settings/rewards-tab.tsx";
import type { TabProps } from "./settings/tab-props.ts";
import { TiersTab } from "./settings/tiers-tab.tsx";

const tabs = [
  { value: "program", label: "Program", Component: ProgramTab },
  { value: "tiers", label: "Tiers", Component: TiersTab },
  { value: "rules", label: "Earn rules", Component: EarnRulesTab },
  { value: "rewards", label: "Rewards", Component: RewardsTab },
  { value: "benefits", label: "Member prices", Component: MemberPricesTab },
  { value: "partners", label: "Partners", Component: PartnersTab },
  { value: "plans", label: "Plans", Component: PlansTab },
  { value: "referrals", label: "Referrals", Component: ReferralsTab },
  { value: "campaigns", label: "Campaigns", Component: CampaignsTab },
  { value: "currencies", label: "Currencies", Component: CurrenciesTab },
] as const;

/** The tab that shows an issue: a list's own tab, the Program tab for the basics, null for the rest. */
function tabOf(issue: ConfigIssue): string | null {
  const head = issue.path.split(".")[0] ?? "";
  return issueSection(issue) ?? ((basicsPaths as readonly string[]).includes(head) ? "program" : null);
}

/**
 * The loyalty program's settings: the program's basics, tiers, earn rules, rewards, member prices, partners, paid
 * membership plans, referrals, campaigns and currencies. Saving
 * sends the whole config; the engine validates it, and its issues appear next to the fields they
 * name. A saved partner's perk codes are imported on their own, without saving.
 */
export function LoyaltySettingsPage() {
  const headingId = useId();
  const editor = useProgramEditor();
  const { invalidCount, validity } = useValidityTracker();
  const [tab, setTab] = useState<string>("program");
  const [saveError, setSaveError] = useState<AdminApiError | null>(null);
  const [blocked, setBlocked] = useState(false);
  const [status, setStatus] = useState("");

  async function save() {
    setStatus("");
    setSaveError(null);
    if (invalidCount > 0) {
      setBlocked(true);
      return;
    }
    setBlocked(false);
    const result = await editor.save();
    if (result.ok) {
      setStatus(`Saved as version ${result.version}.`);
      toast.success("Loyalty program saved", { description: `Version ${result.version}` });
    } else {
      setSaveError(result.error);
      // Show the tab of the first issue unless the one on screen has some.
      const issues = parseIssues(result.error.issues ?? []);
      const sections = issues.map(tabOf);
      const first = sections.find((s) => s !== null);
      if (first && !sections.includes(tab)) setTab(first);
    }
  }

  const { draft } = editor;
  if (editor.program.isError && !draft)
    return (
      <Container className="p-6">
        <ApiErrorAlert error={editor.program.error} title="Could not load the loyalty program." />
      </Container>
    );
  if (!draft)
    return (
      <Container className="p-6" aria-busy="true">
        <Text size="small" className="text-ui-fg-subtle">
          Loading the loyalty program…
        </Text>
      </Container>
    );

  const tabProps: TabProps = { config: draft, saved: editor.saved ?? draft, edit: editor.edit, issues: editor.issues };
  const issueCount = (section: string) => editor.issues.filter((i) => tabOf(i) === section).length;
  const otherIssues = editor.issues.filter((i) => tabOf(i) === null);
  const conflict = saveError?.code === "ConfigConflict";

  async function reload() {
    await editor.reload();
    setSaveError(null);
    setStatus("Reloaded the saved program.");
  }

  return (
    <ValidityProvider validity={validity}>
      <Container className="divide-y p-0" role="region" aria-labelledby={headingId}>
        <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <Heading level="h1" id={headingId}>
              Loyalty program
            </Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {draft.name ?? "Kinship rewards"} · {draft.currency} · version {editor.version}
              {editor.dirty ? " · unsaved changes" : ""}
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            <Text size="small" className="text-ui-fg-subtle" role="status" aria-live="polite">
              {status}
            </Text>
            <Button type="button" size="small" variant="secondary" disabled={!editor.dirty || editor.saving} onClick={editor.discard}>
              Discard changes
            </Button>
            <Button
              type="button"
              size="small"
              disabled={!editor.dirty && invalidCount === 0}
              isLoading={editor.saving}
              onClick={() => void save()}
            >
              Save
            </Button>
          </div>
        </div>
        {blocked && invalidCount > 0 ? (
          <div className="px-6 py-4">
            <Alert variant="error" role="alert">
              Some fields are not valid yet ({invalidCount}). Fix the fields marked in red, then save again.
            </Alert>
          </div>
        ) : null}
        {editor.issues.length > 0 ? (
          <div className="px-6 py-4">
            <Alert variant="error" role="alert">
              <p>
                The program was not saved. The engine found {editor.issues.length === 1 ? "a problem" : `${editor.issues.length} problems`}:
              </p>
              <ul className="list-disc pl-5">
                {editor.issues.map((issue) => (
                  <li key={`${issue.path}:${issue.message}`}>
                    {issueLocation(draft, issue)}: {issue.message}
                  </li>
                ))}
              </ul>
              {otherIssues.length > 0 ? <p>Settings outside these tabs need fixing with the CLI or the API.</p> : null}
            </Alert>
          </div>
        ) : conflict ? (
          <div className="px-6 py-4">
            <Alert variant="warning" role="alert" data-code="ConfigConflict">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <p>
                  <strong>Not saved: someone else saved the loyalty program after you opened it. </strong>
                  Reload to see their version; your unsaved changes on every tab will be discarded.
                </p>
                <Button type="button" size="small" variant="secondary" onClick={() => void reload()}>
                  Reload the saved program
                </Button>
              </div>
            </Alert>
          </div>
        ) : saveError && toAdminApiError(saveError).code !== "InvalidConfig" ? (
          <div className="px-6 py-4">
            <ApiErrorAlert error={saveError} title="The program was not saved." />
          </div>
        ) : null}
        <div className="px-6 py-4">
          <Tabs value={tab} onValueChange={setTab}>
            <Tabs.List>
              {tabs.map((t) => {
                const n = issueCount(t.value);
                return (
                  <Tabs.Trigger key={t.value} value={t.value}>
                    {t.label}
                    {n > 0 ? ` (${n} ${n === 1 ? "issue" : "issues"})` : ""}
                  </Tabs.Trigger>
                );
              })}
            </Tabs.List>
            {tabs.map(({ value, label, Component }) => (
              // forceMount keeps every tab's typed text (and its validity) while another tab is shown.
              <Tabs.Content key={value} value={value} forceMount hidden={tab !== value} className="pt-4">
                <Heading level="h2" className="sr-only">
                  {label}
                </Heading>
                <Component {...tabProps} />
              </Tabs.Content>
            ))}
          </Tabs>
        </div>
      </Container>
    </ValidityProvider>
  );
}
