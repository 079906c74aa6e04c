import { Button, Heading, Input, Text, toast } from "@medusajs/ui";
import { DateTime } from "luxon";
import { type FormEvent, useId, useState } from "react";
import { useProgram } from "../../shared/hooks.ts";
import { useOverrideTier } from "../../shared/screen-hooks.ts";
import type { TierOverride } from "../../shared/types.ts";
import { ApiErrorAlert } from "./api-error.tsx";
import { Field } from "./field.tsx";
import { SelectField } from "./select-field.tsx";

/** The instant an override chosen to last through `day` (YYYY-MM-DD) ends: that day's end in the program's time zone. */
export function overrideEnd(day: string, zone: string): DateTime | null {
  const start = DateTime.fromISO(day, { zone });
  return start.isValid ? start.plus({ days: 1 }).startOf("day") : null;
}

/**
 * Puts a member in a tier whatever their growth (a VIP, a goodwill gesture), until a date or for
 * good, or takes the override away; always with a reason, which the audit log keeps.
 */
export function OverrideTierForm({
  customerId,
  currentTier,
  override,
}: {
  customerId: string;
  /** The member's tier now: what the tier choice starts from. */
  currentTier: string;
  override: TierOverride | null;
}) {
  const headingId = useId();
  const program = useProgram();
  const setOverride = useOverrideTier();
  const tiers = program.data?.config.tiers ?? [];
  const zone = program.data?.config.timezone ?? "UTC";
  const [tier, setTier] = useState(override?.tier ?? currentTier);
  const [until, setUntil] = useState("");
  const [reason, setReason] = useState("");
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState("");

  const chosenTier = tier || tiers[0]?.key || "";
  const end = until.trim() ? overrideEnd(until.trim(), zone) : null;
  const untilError =
    checked && until.trim() !== "" && (end === null || end <= DateTime.now())
      ? ["Choose a date from today on, or leave it empty for no end date"]
      : [];
  const reasonError = checked && reason.trim() === "" ? ["Enter a reason: the audit log keeps it"] : [];

  function send(nextTier: string | null) {
    setChecked(true);
    setDone("");
    const endOk = until.trim() === "" || (end !== null && end > DateTime.now());
    if (reason.trim() === "" || (nextTier !== null && !endOk) || setOverride.isPending) return;
    const input = { customerId, tier: nextTier, until: nextTier && end ? end.toUTC().toISO() : null, reason: reason.trim() };
    setOverride.mutate(input, {
      onSuccess: () => {
        const name = tiers.find((t) => t.key === nextTier)?.name ?? nextTier;
        const what = nextTier ? `Tier set to ${name}${end ? ` until ${until}` : ""}.` : "Tier override removed.";
        setDone(what);
        toast.success(what);
        setReason("");
        setUntil("");
        setChecked(false);
      },
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    send(chosenTier);
  }

  return (
    <form className="flex flex-col gap-y-4 px-6 py-4" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <div className="flex flex-col gap-y-1">
        <Heading level="h3" id={headingId}>
          Override tier
        </Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Keeps the member in a tier whatever their growth, until the date you choose.
        </Text>
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <SelectField label="Tier" value={chosenTier} options={tiers.map((t) => ({ value: t.key, label: t.name }))} onChange={setTier} />
        <Field label="Until" hint={`Through the end of this day (${zone}); empty: no end date.`} errors={untilError}>
          {(control) => (
            <Input
              {...control}
              type="date"
              name="override-until"
              value={until}
              disabled={setOverride.isPending}
              onChange={(e) => setUntil(e.target.value)}
            />
          )}
        </Field>
        <Field label="Override reason" hint="Kept in the audit log with your name." errors={reasonError}>
          {(control) => (
            <Input
              {...control}
              name="override-reason"
              aria-required
              autoComplete="off"
              value={reason}
              disabled={setOverride.isPending}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
      </div>
      {setOverride.isError ? <ApiErrorAlert error={setOverride.error} title="The tier was not changed." /> : null}
      <div className="flex flex-wrap items-center justify-end gap-3">
        <Text size="small" className="text-ui-fg-subtle" role="status" aria-live="polite">
          {done}
        </Text>
        {override ? (
          <Button type="button" size="small" variant="secondary" disabled={setOverride.isPending} onClick={() => send(null)}>
            Remove override
          </Button>
        ) : null}
        <Button type="submit" size="small" variant="secondary" isLoading={setOverride.isPending} disabled={tiers.length === 0}>
          Set tier
        </Button>
      </div>
    </form>
  );
}
