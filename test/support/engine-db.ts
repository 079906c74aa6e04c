import { type ConnectOptions, connect, type Db, type Engine, type EngineOptions, engineOn } from "@kinship/engine";
import { migrate } from "@kinship/engine/store";

/**
 * Tests own their database the way a host does: they make the connection, open the engine on it
 * and keep the database handle for what they assert on rows. The engine itself has no way to hand
 * its connection out.
 */
const databases = new WeakMap<Engine, Db>();

/** The tests' KINSHIP_TOKEN_KEY (32 bytes, hex): shop tokens are stored only sealed with a key. */
export const TEST_TOKEN_KEY = "6b696e736869702d746573742d746f6b656e2d6b65792d33322d62797465732e";

/** Opens with TEST_TOKEN_KEY unless `tokenKey` says otherwise (`""`: an engine without a key). */
export async function openEngineOwningDb(options: ConnectOptions & EngineOptions = {}): Promise<Engine> {
  const connection = await connect(options);
  await migrate(connection.db);
  const engine = engineOn(connection, { tokenKey: options.tokenKey ?? TEST_TOKEN_KEY });
  databases.set(engine, connection.db);
  return engine;
}

/** The database of an engine this test opened with openEngineOwningDb. */
export function dbOf(engine: Engine): Db {
  const db = databases.get(engine);
  if (!db) throw new Error("dbOf: open the engine with openEngineOwningDb to read its database in a test");
  return db;
}
