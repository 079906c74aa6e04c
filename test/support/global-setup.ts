import pg from "pg";
import type { TestProject } from "vitest/node";
import { connect } from "../../plugin/engine/src/store/db/connect.ts";
import { migrate } from "../../plugin/engine/src/store/db/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** A fresh Postgres database for this run, migrated once, dropped at the end. */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.KINSHIP_TEST_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `kinship_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const conn = await connect({ databaseUrl: url.toString() });
  await migrate(conn.db);
  await conn.close();
  project.provide("databaseUrl", url.toString());

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
}
