import { Banner, BlockStack, Page, Text } from "@shopify/polaris";
import { type ReactNode, useState } from "react";
import { type AdminApiError, toAdminApiError } from "../../../shared/client.ts";
import { type IssueSection, issueLocation, issueSection } from "../../../shared/config-edit.ts";
import { useProgramEditor } from "../../../shared/program-editor.ts";
import type { TabProps } from "../../../shared/tab-props.ts";
import { useValidityTracker, ValidityProvider } from "../../../shared/validity.ts";
import { SaveBar } from "../../app/save-bar.tsx";
import { toast } from "../../app/toast.ts";
import { ApiErrorBanner } from "./api-error-banner.tsx";
import { ConflictBanner } from "./conflict-banner.tsx";

export interface ProgramScreenProps {
  title: string;
  /** The config section this screen edits: its issues show at the fields, the others in the summary. */
  section: IssueSection;
  /** Above the form (a preview, a note). */
  aside?: (props: TabProps) => ReactNode;
  children: (props: TabProps) => ReactNode;
}

/**
 * A screen that edits part of the program config through the versioned editor: App Bridge's save
 * bar while there are unsaved changes, nothing sent while a field does not parse, the engine's
 * issues at their fields, and a clear banner with a reload when another owner saved first.
 */
export function ProgramScreen({ title, section, aside, children }: ProgramScreenProps) {
  const editor = useProgramEditor();
  const { invalidCount, validity } = useValidityTracker();
  const [blocked, setBlocked] = useState(false);
  const [saveError, setSaveError] = useState<AdminApiError | null>(null);
  const [status, setStatus] = useState("");

  async function save() {
    setStatus("");
    setSaveError(null);
    if (invalidCount > 0) {
      setBlocked(true);
      toast("Fix the highlighted fields before saving", { isError: true });
      return;
    }
    setBlocked(false);
    const result = await editor.save();
    if (result.ok) {
      setStatus(`Saved as version ${result.version}.`);
      toast(`Loyalty program saved (version ${result.version})`);
    } else {
      setSaveError(result.error);
      toast("The program was not saved", { isError: true });
    }
  }

  async function reload() {
    await editor.reload();
    setSaveError(null);
    setBlocked(false);
  }

  function discard() {
    editor.discard();
    setSaveError(null);
    setBlocked(false);
  }

  const { draft } = editor;
  if (!draft)
    return (
      <Page title={title}>
        {editor.program.isError ? (
          <ApiErrorBanner error={editor.program.error} title="Could not load the loyalty program." />
        ) : (
          <div aria-busy="true">
            <Text as="p" tone="subdued">
              Loading the loyalty program…
            </Text>
          </div>
        )}
      </Page>
    );

  const props: TabProps = { config: draft, saved: editor.saved ?? draft, edit: editor.edit, issues: editor.issues };
  const elsewhere = editor.issues.filter((i) => issueSection(i) !== section);
  const conflict = saveError?.code === "ConfigConflict";
  return (
    <ValidityProvider validity={validity}>
      <Page
        title={title}
        subtitle={`${draft.name ?? "Kinship rewards"} · ${draft.currency} · version ${editor.version}${editor.dirty ? " · unsaved changes" : ""}`}
      >
        <SaveBar dirty={editor.dirty} saving={editor.saving} onSave={() => void save()} onDiscard={discard} />
        <BlockStack gap="400">
          <div role="status" aria-live="polite">
            <Text as="p" visuallyHidden>
              {status}
            </Text>
          </div>
          {conflict ? <ConflictBanner onReload={() => void reload()} /> : null}
          {blocked && invalidCount > 0 ? (
            <Banner tone="critical" title="Nothing was saved">
              <p>
                {invalidCount === 1 ? "A field is" : `${invalidCount} fields are`} not valid yet. Fix the fields marked in red, then save
                again.
              </p>
            </Banner>
          ) : null}
          {editor.issues.length > 0 ? (
            <Banner tone="critical" title="The program was not saved">
              <p>
                The engine found {editor.issues.length === 1 ? "a problem" : `${editor.issues.length} problems`}
                {elsewhere.length > 0 ? "; those on other screens are listed here" : ""}:
              </p>
              <ul>
                {editor.issues.map((issue) => (
                  <li key={`${issue.path}:${issue.message}`}>
                    {issueLocation(draft, issue)}: {issue.message}
                  </li>
                ))}
              </ul>
            </Banner>
          ) : saveError && !conflict && saveError.code !== "InvalidConfig" ? (
            <ApiErrorBanner error={toAdminApiError(saveError)} title="The program was not saved." />
          ) : null}
          {aside?.(props)}
          {children(props)}
        </BlockStack>
      </Page>
    </ValidityProvider>
  );
}
