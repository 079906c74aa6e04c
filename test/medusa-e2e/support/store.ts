import { readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { call } from "./http.ts";
import { medusaOk, startMedusa } from "./medusa-cli.ts";

export const ADMIN = { email: "owner@kinship.test", password: "kinship-owner-pw" };

/** What the test store's seed script made (test/medusa/src/scripts/seed.ts). */
export interface Seed {
  regionId: string;
  /** Germany, in EUR. */
  euRegionId: string;
  salesChannelId: string;
  shippingOptionId: string;
  publishableKey: string;
  collectionId: string;
  products: { id: string; handle: string; variantId: string }[];
}

export interface TestStore {
  url: string;
  databaseUrl: string;
  seed: Seed;
  adminToken: string;
  log(): string;
  stop(): Promise<void>;
}

export interface PreparedStore {
  databaseUrl: string;
  env: Record<string, string>;
  seed: Seed;
  drop(): Promise<void>;
}

/**
 * A Medusa database of its own with Medusa's tables and Kinship's module migrations
 * (`medusa db:migrate`), the seed script's catalog and checkout, and an admin user.
 * Medusa needs "localhost" in its database URL (with 127.0.0.1 its test tooling forces SSL).
 */
export interface StoreOptions {
  /** Serve Medusa's admin (slow to build on the first page). */
  admin?: boolean;
  /** Added to the store's environment, e.g. KINSHIP_EARN_ON / KINSHIP_REVERSE_ON for the plugin's options. */
  env?: Record<string, string>;
}

export async function prepareTestStore(adminUrl: string, label: string, options: StoreOptions = {}): Promise<PreparedStore> {
  const name = `kinship_medusa_${label}_${process.pid}`.slice(0, 63);
  const server = new URL(adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = `postgres://${server.username || "postgres"}${server.password ? `:${server.password}` : ""}@localhost:${server.port || 5432}/${name}`;
  const seedFile = join(tmpdir(), `kinship-seed-${name}.json`);
  const env = {
    DATABASE_URL: databaseUrl,
    MEDUSA_DISABLE_TELEMETRY: "true",
    MEDUSA_ADMIN_DISABLE: options.admin ? "false" : "true",
    NODE_ENV: "development",
    KINSHIP_SEED_OUT: seedFile,
    LOG_LEVEL: "info",
    ...options.env,
  };
  const drop = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => c.end());
    await rm(seedFile, { force: true });
  };
  try {
    await medusaOk(["db:migrate"], env);
    await medusaOk(["exec", "./src/scripts/seed.ts"], env);
    await medusaOk(["user", "-e", ADMIN.email, "-p", ADMIN.password], env);
    const seed = JSON.parse(await readFile(seedFile, "utf8")) as Seed;
    return { databaseUrl, env, seed, drop };
  } catch (e) {
    await drop();
    throw e;
  }
}

/** A prepared store, started with `medusa start`, and the admin's token. */
export async function openTestStore(adminUrl: string, label: string, options: StoreOptions = {}): Promise<TestStore> {
  const prepared = await prepareTestStore(adminUrl, label, options);
  try {
    const port = await freePort();
    const running = await startMedusa(prepared.env, port);
    try {
      const { token } = await call<{ token: string }>(running.url, "/auth/user/emailpass", { body: ADMIN });
      return {
        url: running.url,
        databaseUrl: prepared.databaseUrl,
        seed: prepared.seed,
        adminToken: token,
        log: running.log,
        async stop() {
          await running.stop();
          await prepared.drop();
        },
      };
    } catch (e) {
      await running.stop();
      throw e;
    }
  } catch (e) {
    await prepared.drop();
    throw e;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
