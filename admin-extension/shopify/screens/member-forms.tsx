import { BlockStack, Button, Card, FormLayout, Select, Text, TextField } from "@shopify/polaris";
import { type FormEvent, useState } from "react";
import { toAdminApiError } from "../../shared/client.ts";
import { useAdjustPoints } from "../../shared/hooks.ts";
import { parsePointsDelta } from "../../shared/parse.ts";
import type { Tier } from "../../shared/program-config.ts";
import { useOverrideTier } from "../../shared/screen-hooks.ts";
import type { TierOverride } from "../../shared/types.ts";
import { formatDelta } from "../app/format.ts";
import { toast } from "../app/toast.ts";

/** A manual credit or debit: signed whole points and a reason (both required), checked before sending. */
export function AdjustPointsForm({ customerId }: { customerId: string }) {
  const adjust = useAdjustPoints();
  const [points, setPoints] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ points?: string; reason?: string; form?: string }>({});

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    const parsed = parsePointsDelta(points);
    const next = {
      ...(parsed.ok ? {} : { points: parsed.message }),
      ...(reason.trim() ? {} : { reason: "Say why: the member's ledger shows it" }),
    };
    setErrors(next);
    if (!parsed.ok || next.reason) return;
    try {
      await adjust.mutateAsync({ customerId, points: parsed.value, reason: reason.trim() });
      toast(`${formatDelta(parsed.value)} points recorded`);
      setPoints("");
      setReason("");
    } catch (error) {
      const apiError = toAdminApiError(error);
      setErrors(apiError.code === "InsufficientPoints" ? { points: apiError.message } : { form: apiError.message });
      toast("The adjustment was not recorded", { isError: true });
    }
  }

  return (
    <Card>
      <form onSubmit={submit} noValidate>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            Adjust points
          </Text>
          <FormLayout>
            <TextField
              label="Points"
              value={points}
              onChange={setPoints}
              autoComplete="off"
              inputMode="numeric"
              helpText="Positive credits, negative (like -50) debits."
              error={errors.points}
            />
            <TextField label="Reason" value={reason} onChange={setReason} autoComplete="off" maxLength={500} error={errors.reason} />
          </FormLayout>
          {errors.form && (
            <Text as="p" tone="critical">
              {errors.form}
            </Text>
          )}
          <Button submit variant="primary" loading={adjust.isPending}>
            Record adjustment
          </Button>
        </BlockStack>
      </form>
    </Card>
  );
}

const NO_OVERRIDE = "";

/** Holds the member in a tier (optionally until a date) whatever their growth; or clears the hold. */
export function OverrideTierForm({ customerId, tiers, current }: { customerId: string; tiers: Tier[]; current: TierOverride | null }) {
  const override = useOverrideTier();
  const [tier, setTier] = useState(current?.tier ?? NO_OVERRIDE);
  const [until, setUntil] = useState(current?.until ? current.until.slice(0, 10) : "");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ tier?: string; until?: string; reason?: string; form?: string }>({});

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    const next: typeof errors = {};
    if (tier === NO_OVERRIDE && !current) next.tier = "Choose a tier to hold the member in";
    let untilIso: string | null = null;
    if (tier !== NO_OVERRIDE && until) {
      const end = /^\d{4}-\d{2}-\d{2}$/.test(until) ? new Date(`${until}T23:59:59.999Z`) : null;
      if (!end || Number.isNaN(end.getTime())) next.until = "Enter a date, like 2027-01-31";
      else if (end.getTime() <= Date.now()) next.until = "The end date must be in the future";
      else untilIso = end.toISOString();
    }
    if (!reason.trim()) next.reason = "Say why: the member's history keeps it";
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    try {
      await override.mutateAsync({ customerId, tier: tier || null, until: untilIso, reason: reason.trim() });
      toast(tier ? `Tier override set: ${tiers.find((t) => t.key === tier)?.name ?? tier}` : "Tier override cleared");
      setReason("");
    } catch (error) {
      setErrors({ form: toAdminApiError(error).message });
      toast("The tier override was not saved", { isError: true });
    }
  }

  return (
    <Card>
      <form onSubmit={submit} noValidate>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            Tier override
          </Text>
          <FormLayout>
            <Select
              label="Tier"
              options={[
                { label: current ? "No override (clear it)" : "Choose a tier", value: NO_OVERRIDE },
                ...tiers.map((t) => ({ label: t.name, value: t.key })),
              ]}
              value={tier}
              onChange={setTier}
              error={errors.tier}
            />
            <TextField
              label="Until (optional)"
              type="date"
              value={until}
              onChange={setUntil}
              autoComplete="off"
              disabled={tier === NO_OVERRIDE}
              helpText="Leave empty to hold the tier until you clear it."
              error={errors.until}
            />
            <TextField label="Reason" value={reason} onChange={setReason} autoComplete="off" maxLength={500} error={errors.reason} />
          </FormLayout>
          {errors.form && (
            <Text as="p" tone="critical">
              {errors.form}
            </Text>
          )}
          <Button submit variant="primary" loading={override.isPending}>
            {tier === NO_OVERRIDE ? "Clear override" : "Set override"}
          </Button>
        </BlockStack>
      </form>
    </Card>
  );
}
