import { type ConnectOptions, connect, type Db, type Engine, engineOn } from "@kinship/engine";
import { migrate } from "@kinship/engine/store";

/**
 * Tests own their database the way a host does: they make the connection, open the engine on it
 * and keep the database handle for what they assert on rows. The engine itself has no way to hand
 * its connection out.
 */
const databases = new WeakMap<Engine, Db>();

export async function openEngineOwningDb(options: ConnectOptions = {}): Promise<Engine> {
  const connection = await connect(options);
  await migrate(connection.db);
  const engine = engineOn(connection);
  databases.set(engine, connection.db);
  return engine;
}

/** The database of an engine this test opened with openEngineOwningDb. */
export function dbOf(engine: Engine): Db {
  const db = databases.get(engine);
  if (!db) throw new Error("dbOf: open the engine with openEngineOwningDb to read its database in a test");
  return db;
}
