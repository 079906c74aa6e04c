import { Banner, BlockStack, Card, FormLayout, InlineGrid, Layout, Select, Text, TextField } from "@shopify/polaris";
import { useEffect, useMemo, useRef, useState } from "react";
import { issuesAt } from "../../shared/config-edit.ts";
import { currencyUnit } from "../../shared/money.ts";
import { applyBasics, BASICS_ISSUE_PATHS, type BasicsField, type BasicsForm, basicsForm, timeZones } from "../../shared/program-basics.ts";
import { useProgramEditor } from "../../shared/program-editor.ts";
import { ApiErrorBanner } from "../app/api-error.tsx";
import { SaveBar } from "../app/save-bar.tsx";
import { ScreenFrame } from "../app/screen-frame.tsx";
import { useAppSession } from "../app/session.ts";
import { toast } from "../app/toast.ts";

const EXPIRY = [
  { label: "Points never expire", value: "none" },
  { label: "A set number of days after they are earned", value: "afterEarn" },
  { label: "After a number of days without activity", value: "inactivity" },
];
const WINDOW = [
  { label: "Lifetime: all growth ever earned", value: "lifetime" },
  { label: "Rolling: the last months", value: "rolling" },
  { label: "Calendar year: growth since January 1", value: "calendarYear" },
];

/**
 * The program's basics: name, currency, time zone, point value, pending days, expiry, qualification
 * window and tier grace days. The currency is read-only once the program has members: their
 * balances, the point value and every money amount in the config are in it.
 */
export function SettingsScreen() {
  const editor = useProgramEditor();
  const session = useAppSession();
  const [form, setForm] = useState<BasicsForm | null>(null);
  const [touched, setTouched] = useState<Set<BasicsField>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);

  // The form follows the loaded (or reloaded, or saved) version.
  const saved = editor.saved;
  useEffect(() => {
    if (saved) setForm(basicsForm(saved));
    setTouched(new Set());
    setShowAll(false);
  }, [saved]);

  const checked = useMemo(() => (form && saved ? applyBasics(saved, form) : null), [form, saved]);
  const dirty = form !== null && saved !== null && JSON.stringify(form) !== JSON.stringify(basicsForm(saved));
  const zones = useMemo(() => timeZones(form?.timezone ?? "UTC"), [form?.timezone]);
  const membersExist = (session.data?.members ?? 0) > 0;
  const conflict = saveError && (saveError as { code?: string }).code === "ConfigConflict";

  // Every valid form is the editor's draft, so Save sends exactly what is on screen.
  const edit = useRef(editor.edit);
  edit.current = editor.edit;
  useEffect(() => {
    if (!checked || !dirty || Object.keys(checked.errors).length > 0) return;
    edit.current((draft) => ({ ...draft, ...pickBasics(checked.config) }));
  }, [checked, dirty]);

  const set = (field: BasicsField) => (value: string) => {
    setForm((f) => (f ? { ...f, [field]: value } : f));
    setTouched((t) => new Set(t).add(field));
  };
  const errorOf = (field: BasicsField): string | undefined => {
    const engine = BASICS_ISSUE_PATHS.filter(([f]) => f === field).flatMap(([, path]) => issuesAt(editor.issues, ...path));
    const client = showAll || touched.has(field) ? checked?.errors[field] : undefined;
    const all = [client, ...engine].filter(Boolean);
    return all.length ? all.join("; ") : undefined;
  };

  async function save() {
    if (!checked) return;
    setSaveError(null);
    if (Object.keys(checked.errors).length > 0) {
      setShowAll(true);
      toast("Fix the highlighted fields before saving", { isError: true });
      return;
    }
    const result = await editor.save();
    if (result.ok) toast(`Settings saved (version ${result.version})`);
    else {
      setSaveError(result.error);
      toast(result.error.code === "InvalidConfig" ? "Kinship refused these settings: see the fields" : "Settings were not saved", {
        isError: true,
      });
    }
  }
  function discard() {
    editor.discard();
    if (saved) setForm(basicsForm(saved));
    setTouched(new Set());
    setShowAll(false);
    setSaveError(null);
  }
  async function reload() {
    await editor.reload();
    setSaveError(null);
  }

  const currency = form?.currency.toUpperCase() ?? "USD";
  const unit = /^[A-Z]{3}$/.test(currency) ? currencyUnit(currency) : 100;
  return (
    <ScreenFrame title="Settings" loading={editor.program.isPending || !form} error={editor.program.error}>
      {form && <SaveBar dirty={dirty} saving={editor.saving} onSave={save} onDiscard={discard} />}
      {form && (
        <Layout>
          {conflict ? (
            <Layout.Section>
              <Banner
                tone="warning"
                title="Someone else saved the program since you opened it"
                action={{ content: "Reload their version", onAction: reload }}
              >
                <Text as="p">Nothing was saved. Reload to see their changes, then make yours again.</Text>
              </Banner>
            </Layout.Section>
          ) : saveError && (saveError as { code?: string }).code !== "InvalidConfig" ? (
            <Layout.Section>
              <ApiErrorBanner error={saveError} title="Settings were not saved" />
            </Layout.Section>
          ) : null}
          <Layout.AnnotatedSection title="Program" description="What members see, and the money it counts in.">
            <Card>
              <FormLayout>
                <TextField label="Program name" value={form.name} onChange={set("name")} autoComplete="off" error={errorOf("name")} />
                <TextField
                  label="Currency"
                  value={form.currency}
                  onChange={(v) => set("currency")(v.toUpperCase())}
                  autoComplete="off"
                  maxLength={3}
                  disabled={membersExist}
                  helpText={
                    membersExist
                      ? "Fixed once the program has members: their balances and every amount are in this currency."
                      : "ISO 4217 code; orders in other currencies earn nothing."
                  }
                  error={errorOf("currency")}
                />
                <Select label="Time zone" options={zones} value={form.timezone} onChange={set("timezone")} error={errorOf("timezone")} />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Points" description="What points are worth, when they can be spent and when they expire.">
            <Card>
              <FormLayout>
                <InlineGrid columns={2} gap="300">
                  <TextField
                    label="Points"
                    type="number"
                    value={form.pointValuePoints}
                    onChange={set("pointValuePoints")}
                    autoComplete="off"
                    error={errorOf("pointValuePoints")}
                  />
                  <TextField
                    label={`Are worth (${currency})`}
                    value={form.pointValueMoney}
                    onChange={set("pointValueMoney")}
                    autoComplete="off"
                    inputMode="decimal"
                    helpText={unit === 1 ? "Whole amounts" : `Up to ${Math.log10(unit)} decimals`}
                    error={errorOf("pointValueMoney")}
                  />
                </InlineGrid>
                <TextField
                  label="Pending days"
                  type="number"
                  value={form.pendingDays}
                  onChange={set("pendingDays")}
                  autoComplete="off"
                  helpText="The return window: earned points can be spent after this many days."
                  error={errorOf("pendingDays")}
                />
                <Select label="Expiry" options={EXPIRY} value={form.expiryKind} onChange={set("expiryKind")} />
                {form.expiryKind !== "none" && (
                  <TextField
                    label={form.expiryKind === "afterEarn" ? "Days after earning" : "Days without activity"}
                    type="number"
                    value={form.expiryDays}
                    onChange={set("expiryDays")}
                    autoComplete="off"
                    error={errorOf("expiryDays")}
                  />
                )}
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection
            title="Tiers"
            description="How growth is counted for tiers, and how long a member keeps a tier they fell below."
          >
            <Card>
              <BlockStack gap="300">
                <FormLayout>
                  <Select label="Qualification window" options={WINDOW} value={form.windowKind} onChange={set("windowKind")} />
                  {form.windowKind === "rolling" && (
                    <TextField
                      label="Months in the window"
                      type="number"
                      value={form.windowMonths}
                      onChange={set("windowMonths")}
                      autoComplete="off"
                      error={errorOf("windowMonths")}
                    />
                  )}
                  <TextField
                    label="Grace days"
                    type="number"
                    value={form.graceDays}
                    onChange={set("graceDays")}
                    autoComplete="off"
                    helpText="Days a member keeps a tier after falling below its threshold."
                    error={errorOf("graceDays")}
                  />
                </FormLayout>
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
        </Layout>
      )}
    </ScreenFrame>
  );
}

const BASIC_KEYS = ["name", "currency", "timezone", "pointValue", "pendingDays", "expiry", "growth", "tierPolicy"] as const;

/** Only the basics: the draft's other parts (tiers, rules…) stay as the editor has them. */
function pickBasics(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(BASIC_KEYS.map((k) => [k, config[k]]));
}
