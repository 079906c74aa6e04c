import { Heading, Table, Text } from "@medusajs/ui";
import { useId } from "react";
import { describeError } from "../../shared/error-text.ts";
import type { Tier } from "../../shared/program-config.ts";
import { useTierPreview } from "../../shared/screen-hooks.ts";
import { useDebounced } from "../../shared/use-debounced.ts";
import { formatNumber, formatSigned } from "../parts/format.ts";

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/**
 * Before saving, what the edited tiers would do to today's members: how many move up or down and
 * each tier's count now and after. Asked once the typing pauses, and only when the tiers differ
 * from the saved ones.
 */
export function TierPreviewPanel({ tiers, saved }: { tiers: readonly Tier[]; saved: readonly Tier[] }) {
  const headingId = useId();
  const changed = JSON.stringify(tiers) !== JSON.stringify(saved);
  const asked = useDebounced(changed ? (tiers as Tier[]) : null, 400);
  const preview = useTierPreview(changed ? asked : null);
  if (!changed) return null;
  return (
    <section className="flex flex-col gap-y-3 rounded-lg border border-ui-border-base p-4" aria-labelledby={headingId} aria-live="polite">
      <Heading level="h3" id={headingId}>
        If you save these tiers
      </Heading>
      {preview.isError ? (
        <Text size="small" className="text-ui-fg-subtle">
          No preview until the tiers are valid: {describeError(preview.error)}
        </Text>
      ) : !preview.data || asked === null ? (
        <Text size="small" className="text-ui-fg-subtle" aria-busy="true">
          Counting the members these tiers would move…
        </Text>
      ) : (
        <>
          <Text size="small" weight="plus" data-tier-preview="">
            {plural(preview.data.up, "member", "members")} would move up, {formatNumber(preview.data.down)} down (of{" "}
            {plural(preview.data.members, "member", "members")}).
          </Text>
          <Table aria-label="Members per tier, now and after saving">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Tier</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="text-right">
                  Now
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="text-right">
                  After saving
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="text-right">
                  Change
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {preview.data.tiers.map((t) => (
                <Table.Row key={t.tier}>
                  <Table.Cell>{t.name}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{formatNumber(t.before)}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{formatNumber(t.after)}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{formatSigned(t.after - t.before)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      )}
    </section>
  );
}
