import { Button, Container, Heading, Input, Table, Text } from "@medusajs/ui";
import { useId, useState } from "react";
import { useProgram } from "../shared/hooks.ts";
import { MEMBERS_PAGE_SIZE, useMembers } from "../shared/screen-hooks.ts";
import type { MemberSort, MemberSummary } from "../shared/types.ts";
import { useDebounced } from "../shared/use-debounced.ts";
import { ApiErrorAlert } from "./parts/api-error.tsx";
import { Field } from "./parts/field.tsx";
import { formatDate, formatNumber } from "./parts/format.ts";
import { AdminLink } from "./parts/link.tsx";
import { SelectField } from "./parts/select-field.tsx";
import { TierBadge } from "./parts/tier-badge.tsx";
import { loyaltyPaths } from "./paths.ts";

const ALL_TIERS = "all";

const sortOptions: { value: MemberSort; label: string }[] = [
  { value: "POINTS_DESC", label: "Most points first" },
  { value: "POINTS_ASC", label: "Fewest points first" },
  { value: "GROWTH_DESC", label: "Most growth first" },
  { value: "GROWTH_ASC", label: "Least growth first" },
  { value: "JOINED_DESC", label: "Newest members first" },
];

/** Every member, searchable by email, name or customer id, filtered by tier and sorted; more load on demand. */
export function MembersPage({ pageSize = MEMBERS_PAGE_SIZE }: { pageSize?: number } = {}) {
  const headingId = useId();
  const [search, setSearch] = useState("");
  const [tier, setTier] = useState(ALL_TIERS);
  const [sort, setSort] = useState<MemberSort>("POINTS_DESC");
  const settledSearch = useDebounced(search);
  const members = useMembers({ search: settledSearch, tier: tier === ALL_TIERS ? null : tier, sort }, pageSize);
  const program = useProgram();
  const tierOptions = [
    { value: ALL_TIERS, label: "All tiers" },
    ...(program.data?.config.tiers ?? []).map((t) => ({ value: t.key, label: t.name })),
  ];

  return (
    <Container className="divide-y p-0" role="region" aria-labelledby={headingId}>
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1" id={headingId}>
          Members
        </Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Loyalty members with their tier, points and growth. Open one to see their history or adjust it.
        </Text>
      </div>
      <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-3">
        <Field label="Search members" hint="An email or name (the start of it), or a customer id.">
          {(control) => (
            <Input
              {...control}
              type="text"
              enterKeyHint="search"
              name="member-search"
              autoComplete="off"
              placeholder="ada@example.com"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          )}
        </Field>
        <SelectField label="Tier" value={tier} options={tierOptions} onChange={setTier} />
        <SelectField label="Sort by" value={sort} options={sortOptions} onChange={(v) => setSort(v as MemberSort)} />
      </div>
      <div className="flex flex-col gap-y-3 py-4">
        {members.isPending ? (
          <Text size="small" className="px-6 text-ui-fg-subtle" aria-busy="true">
            Loading members…
          </Text>
        ) : members.isError ? (
          <div className="px-6">
            <ApiErrorAlert error={members.error} title="Could not load the members." />
          </div>
        ) : members.data.length === 0 ? (
          <Text size="small" className="px-6 text-ui-fg-subtle" data-empty-state="">
            {settledSearch.trim() || tier !== ALL_TIERS
              ? "No members match this search."
              : "No members yet: customers join with their first paid order."}
          </Text>
        ) : (
          <>
            <MembersTable members={members.data} busy={members.isFetching && !members.isFetchingNextPage} />
            {members.hasNextPage ? (
              <div className="flex justify-center">
                <Button
                  type="button"
                  size="small"
                  variant="secondary"
                  isLoading={members.isFetchingNextPage}
                  onClick={() => void members.fetchNextPage()}
                >
                  Load more
                </Button>
              </div>
            ) : null}
          </>
        )}
      </div>
    </Container>
  );
}

/** A member's name, else email, else customer id: what the owner recognises. */
export function memberLabel(member: Pick<MemberSummary, "name" | "email" | "customerId">): string {
  return member.name?.trim() || member.email?.trim() || member.customerId;
}

function MembersTable({ members, busy }: { members: readonly MemberSummary[]; busy: boolean }) {
  return (
    <Table aria-label="Members" aria-busy={busy}>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell scope="col">Member</Table.HeaderCell>
          <Table.HeaderCell scope="col">Tier</Table.HeaderCell>
          <Table.HeaderCell scope="col" className="text-right">
            Points
          </Table.HeaderCell>
          <Table.HeaderCell scope="col" className="text-right">
            Pending
          </Table.HeaderCell>
          <Table.HeaderCell scope="col" className="text-right">
            Growth
          </Table.HeaderCell>
          <Table.HeaderCell scope="col">Joined</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {members.map((m) => (
          <Table.Row key={m.customerId} data-customer-id={m.customerId}>
            <Table.Cell className="py-2">
              <div className="flex min-w-0 flex-col">
                <AdminLink to={loyaltyPaths.member(m.customerId)} className="block max-w-[18rem] truncate">
                  {memberLabel(m)}
                </AdminLink>
                {m.email && m.name ? (
                  <span className="block max-w-[18rem] truncate text-ui-fg-subtle" title={m.email}>
                    {m.email}
                  </span>
                ) : null}
              </div>
            </Table.Cell>
            <Table.Cell className="py-2">
              <TierBadge tier={m.tier} />
            </Table.Cell>
            <Table.Cell className="py-2 text-right tabular-nums">{formatNumber(m.available)}</Table.Cell>
            <Table.Cell className="py-2 text-right tabular-nums">{formatNumber(m.pending)}</Table.Cell>
            <Table.Cell className="py-2 text-right tabular-nums">{formatNumber(m.growth)}</Table.Cell>
            <Table.Cell className="py-2">
              <time dateTime={m.joinedAt}>{formatDate(m.joinedAt)}</time>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
