import { Button, Heading, Input, Text, toast } from "@medusajs/ui";
import { type FormEvent, useId, useState } from "react";
import { useAdjustPoints } from "../../shared/hooks.ts";
import { parsePointsDelta } from "../../shared/parse.ts";
import { ApiErrorAlert } from "./api-error.tsx";
import { Field } from "./field.tsx";
import { formatNumber } from "./format.ts";

/** Credit or deduct points by hand, always with a reason; the ledger records who did it. */
export function AdjustPointsForm({ customerId, isMember }: { customerId: string; isMember: boolean }) {
  const headingId = useId();
  const adjust = useAdjustPoints();
  const [points, setPoints] = useState("");
  const [reason, setReason] = useState("");
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState("");

  const parsedPoints = parsePointsDelta(points);
  const pointsError = checked && !parsedPoints.ok ? [parsedPoints.message] : [];
  const reasonError = checked && reason.trim() === "" ? ["Enter a reason: it is kept in the ledger"] : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    setDone("");
    if (!parsedPoints.ok || reason.trim() === "" || adjust.isPending) return;
    const input = { customerId, points: parsedPoints.value, reason: reason.trim() };
    adjust.mutate(input, {
      onSuccess: () => {
        const what = input.points > 0 ? `${formatNumber(input.points)} points credited` : `${formatNumber(-input.points)} points deducted`;
        setDone(`${what}.`);
        toast.success(what);
        setPoints("");
        setReason("");
        setChecked(false);
      },
    });
  }

  return (
    <form className="flex flex-col gap-y-4 px-6 py-4" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <div className="flex flex-col gap-y-1">
        <Heading level="h3" id={headingId}>
          Adjust points
        </Heading>
        {isMember ? null : (
          <Text size="small" className="text-ui-fg-subtle">
            Crediting points makes this customer a member.
          </Text>
        )}
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Field label="Points" hint="A positive number credits, a negative one (e.g. -50) deducts." errors={pointsError}>
          {(control) => (
            <Input
              {...control}
              name="points"
              inputMode="numeric"
              autoComplete="off"
              value={points}
              disabled={adjust.isPending}
              onChange={(e) => setPoints(e.target.value)}
            />
          )}
        </Field>
        <Field label="Reason" hint="Shown in the ledger with your name." errors={reasonError}>
          {(control) => (
            <Input
              {...control}
              name="reason"
              aria-required
              autoComplete="off"
              value={reason}
              disabled={adjust.isPending}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
      </div>
      {adjust.isError ? <ApiErrorAlert error={adjust.error} /> : null}
      <div className="flex items-center justify-end gap-x-3">
        <Text size="small" className="text-ui-fg-subtle" role="status" aria-live="polite">
          {done}
        </Text>
        <Button type="submit" size="small" variant="secondary" isLoading={adjust.isPending}>
          Adjust points
        </Button>
      </div>
    </form>
  );
}
