import { Badge, BlockStack, Button, Card, IndexTable, InlineGrid, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useProgram } from "../../shared/hooks.ts";
import { useMembers } from "../../shared/screen-hooks.ts";
import type { MemberSort } from "../../shared/types.ts";
import { useDebounced } from "../../shared/use-debounced.ts";
import { ApiErrorBanner } from "../app/api-error.tsx";
import { formatDate, formatNumber } from "../app/format.ts";
import { AppLink, memberPath, useRouter } from "../app/router.tsx";
import { ScreenFrame } from "../app/screen-frame.tsx";

const SORTS: { label: string; value: MemberSort }[] = [
  { label: "Most points", value: "POINTS_DESC" },
  { label: "Fewest points", value: "POINTS_ASC" },
  { label: "Most growth", value: "GROWTH_DESC" },
  { label: "Least growth", value: "GROWTH_ASC" },
  { label: "Newest members", value: "JOINED_DESC" },
];

/** The members: search by email or name prefix (or a whole customer id), a tier filter, a sort, page by page. */
export function MembersScreen() {
  const { navigate } = useRouter();
  const program = useProgram();
  const [search, setSearch] = useState("");
  const [tier, setTier] = useState("");
  const [sort, setSort] = useState<MemberSort>("POINTS_DESC");
  const settledSearch = useDebounced(search, 300);
  const members = useMembers({ search: settledSearch, tier: tier || null, sort });
  const rows = members.data ?? [];
  const tiers = program.data?.config.tiers ?? [];

  return (
    <ScreenFrame title="Members" error={program.error}>
      <BlockStack gap="400">
        <Card>
          <InlineGrid columns={{ xs: 1, md: ["twoThirds", "oneThird"] }} gap="300">
            <TextField
              label="Search members"
              placeholder="Email or name (the beginning), or a customer id"
              value={search}
              onChange={setSearch}
              autoComplete="off"
              clearButton
              onClearButtonClick={() => setSearch("")}
            />
            <InlineGrid columns={2} gap="300">
              <Select
                label="Tier"
                options={[{ label: "All tiers", value: "" }, ...tiers.map((t) => ({ label: t.name, value: t.key }))]}
                value={tier}
                onChange={setTier}
              />
              <Select label="Sort by" options={SORTS} value={sort} onChange={(v) => setSort(v as MemberSort)} />
            </InlineGrid>
          </InlineGrid>
        </Card>
        {members.error ? (
          <ApiErrorBanner error={members.error} onRetry={() => void members.refetch()} />
        ) : (
          <Card padding="0">
            <IndexTable
              resourceName={{ singular: "member", plural: "members" }}
              itemCount={rows.length}
              selectable={false}
              loading={members.isFetching && !members.isFetchingNextPage}
              emptyState={
                <Text as="p" alignment="center" tone="subdued">
                  {members.isPending ? "Loading members…" : "No member matches."}
                </Text>
              }
              headings={[
                { title: "Member" },
                { title: "Tier" },
                { title: "Points available", alignment: "end" },
                { title: "Pending", alignment: "end" },
                { title: "Growth", alignment: "end" },
                { title: "Joined" },
              ]}
            >
              {rows.map((m, i) => (
                <IndexTable.Row key={m.customerId} id={m.customerId} position={i} onClick={() => navigate(memberPath(m.customerId))}>
                  <IndexTable.Cell>
                    <BlockStack gap="050">
                      <Text as="span" fontWeight="semibold">
                        <AppLink to={memberPath(m.customerId)} primary>
                          {m.name || m.email || m.customerId}
                        </AppLink>
                      </Text>
                      {m.email &&
                        (m.name ? (
                          <Text as="span" tone="subdued">
                            {m.email}
                          </Text>
                        ) : null)}
                    </BlockStack>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Badge>{m.tier.name}</Badge>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {formatNumber(m.available)}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {formatNumber(m.pending)}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {formatNumber(m.growth)}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{formatDate(m.joinedAt)}</IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          </Card>
        )}
        {members.hasNextPage && (
          <Button onClick={() => void members.fetchNextPage()} loading={members.isFetchingNextPage}>
            Load more
          </Button>
        )}
      </BlockStack>
    </ScreenFrame>
  );
}
