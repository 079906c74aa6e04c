/**
 * npm run bench:medusa — order events/s through @kinship/medusa's subscriber path, side by side in
 * one run with the approach of Medusa's loyalty-points docs recipe (one mutable integer per
 * customer, read-modify-write), on the same Postgres, each event delivered 3 times; and how many
 * points each loses or doubles. Options: KINSHIP_BENCH_ORDERS (1000), KINSHIP_BENCH_CUSTOMERS (100),
 * KINSHIP_BENCH_COPIES (3), KINSHIP_BENCH_CONCURRENCY (8). Needs `npm run build` first.
 */
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { medusaOk } from "../medusa-e2e/support/medusa-cli.ts";
import { prepareTestStore } from "../medusa-e2e/support/store.ts";

const adminUrl = process.env.KINSHIP_TEST_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const out = join(tmpdir(), `kinship-bench-medusa-${process.pid}.json`);
const store = await prepareTestStore(adminUrl, "bench");
try {
  await medusaOk(["exec", "./src/scripts/bench-subscribers.ts"], { ...store.env, KINSHIP_BENCH_OUT: out, LOG_LEVEL: "warn" }, 3_600_000);
  const r = JSON.parse(await readFile(out, "utf8"));
  console.log(
    `${r.orders} orders of ${r.customers} customers, each order.placed delivered ${r.copies}× in a shuffled order, ${r.concurrency} handlers at a time; ${r.expectedPoints} points expected in all`,
  );
  console.table(
    [r.kinship, r.recipe].map((x) => ({
      path: x.name === "kinship" ? "@kinship/medusa subscriber" : "docs recipe (mutable integer)",
      events: x.events,
      seconds: x.seconds.toFixed(1),
      "events/s": Math.round(x.perSecond),
      "points credited": x.credited,
      "points doubled": x.doubled,
      "points lost": x.lost,
      "customers exact": `${x.exactCustomers}/${r.customers}`,
      failures: x.failures,
    })),
  );
  console.log(
    `docs recipe: its handler runs added ${r.recipe.addedByHandlers} points (every duplicate counted again); ${r.recipe.lostToRaces} of them were overwritten by concurrent read-modify-writes`,
  );
  console.log(`kinship verify (Σ ledger = balances) drift: ${r.kinship.drift}`);
  console.log(
    `tier customer groups: ${r.kinship.tierGroups} for ${r.kinship.distinctTierGroups} tiers in use (one each: none created twice by concurrent handlers)`,
  );
} finally {
  await rm(out, { force: true });
  await store.drop();
}
