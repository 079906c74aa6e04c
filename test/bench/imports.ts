import type { Engine } from "../../plugin/engine/src/index.ts";
import { programConfig } from "../support/program-fixture.ts";
import { NOW } from "./orders.ts";
import { rawClient, timed } from "./support.ts";

export interface ImportRun {
  rows: number;
  members: number;
  seconds: number;
  rowsPerSecond: number;
  /** Postgres inserting as many bare rows (id, text, bigint) in one unnest statement: the machine's floor. */
  bareSeconds: number;
  /** Postgres inserting as many member rows (all of kinship_member's indexes) in one unnest statement. */
  memberRowsSeconds: number;
  rerunSeconds: number;
  rerunChanged: number;
  drift: number;
}

/**
 * A generated export of `rows` rows (one member in four has two dated rows, one in ten a tier, one
 * in seven an old referral code) imported through engine.imports.run on Postgres, then again (it
 * must change nothing), then verify(); beside it, the same number of rows inserted bare.
 */
export async function runImportBench(engine: Engine, url: string, rows: number): Promise<ImportRun> {
  const program = `bench-import-${Date.now()}.myshopify.com`;
  const created = await engine.createProgram({
    key: program,
    platform: "shopify",
    config: programConfig({ expiry: { kind: "afterEarn", days: 365 } }),
    actor: "bench",
    now: NOW,
  });
  if (!created.ok) throw new Error(created.error.message);
  const lines = ["customer_id,email,points,earned_at,tier,referral_code"];
  let members = 0;
  for (let i = 1; lines.length <= rows; i++) {
    members++;
    const dated = i % 4 === 0;
    lines.push(
      `imp${i},m${i}@example.com,${(i * 37) % 5000},${dated ? "2026-03-01" : ""},${i % 10 === 0 ? "silver" : ""},${i % 7 === 0 ? `OLD${i}` : ""}`,
    );
    if (dated && lines.length <= rows) lines.push(`imp${i},,${(i * 11) % 900},2026-05-15,,`);
  }
  const csv = `${lines.join("\n")}\n`;
  const input = { source: "csv" as const, csv, dryRun: false, actor: "bench", key: "bench-file" };
  const first = await timed(() => engine.imports.run(program, input, NOW));
  if (!first.value.ok) throw new Error(first.value.error.message);
  if (first.value.value.errors.length) throw new Error(`bench import: ${first.value.value.errors[0]?.message}`);
  const again = await timed(() => engine.imports.run(program, { ...input, key: "bench-file-again" }, NOW));
  if (!again.value.ok) throw new Error(again.value.error.message);
  const drift = await engine.verify(program);

  const client = await rawClient(url);
  try {
    await client.query("CREATE TEMP TABLE bench_bare (id bigserial PRIMARY KEY, customer_id text NOT NULL, points bigint NOT NULL)");
    const ids = Array.from({ length: rows }, (_, i) => `bare${i}`);
    const points = Array.from({ length: rows }, (_, i) => i % 5000);
    const bare = await timed(() =>
      client.query("INSERT INTO bench_bare (customer_id, points) SELECT * FROM unnest($1::text[], $2::bigint[])", [ids, points]),
    );
    const pid = (await client.query("SELECT id FROM kinship_program WHERE key = $1", [program])).rows[0]?.id;
    const memberRows = await timed(async () => {
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO kinship_member (program_id, customer_id, available, tier_key, tier_since, profile, created_at, updated_at)
         SELECT $1, x.c, x.p, 'member', $3, jsonb_build_object('email', x.c || '@example.com'), $3, $3 FROM unnest($2::text[], $4::bigint[]) AS x(c, p)`,
        [pid, ids, NOW, points],
      );
      await client.query("ROLLBACK");
    });
    return {
      rows,
      members,
      seconds: first.ms / 1000,
      rowsPerSecond: rows / (first.ms / 1000),
      bareSeconds: bare.ms / 1000,
      memberRowsSeconds: memberRows.ms / 1000,
      rerunSeconds: again.ms / 1000,
      rerunChanged: again.value.value.members,
      drift: drift.length,
    };
  } finally {
    await client.end();
  }
}
