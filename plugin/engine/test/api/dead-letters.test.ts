import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../../test/support/engine-db.ts";
import { type Engine, executeAdmin } from "../../src/index.ts";
import { receive, settle } from "../../src/store/index.ts";
import { type BackendName, backends, openTestEngine } from "../support/backends.ts";
import { codeOf, field, NOW, seedProgram } from "./support.ts";

const LIST = `query Dead($first: Int!) { deadLetters(first: $first) { id source topic deliveryKey attempts error receivedAt } }`;
const REPLAY = `mutation Replay($ids: [ID!]!) { replayDeadLetters(ids: $ids) }`;

type Dead = { id: string; source: string; topic: string; deliveryKey: string; error: string | null };

describe.each<BackendName>(backends)("admin dead letters (%s)", (backend) => {
  let engine: Engine;
  let mine: string;
  let theirs: string;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
    mine = await seedProgram(engine, "dead-mine");
    theirs = await seedProgram(engine, "dead-theirs");
  });
  afterAll(() => engine.close());

  const ask = (program: string, query: string, variables: Record<string, unknown>) =>
    executeAdmin(engine, { program, actor: "owner@example.com", now: NOW }, { query, variables });

  async function poison(program: string, key: string): Promise<number> {
    const db = dbOf(engine);
    const stored = await receive(
      db,
      { source: "custom", programKey: program, deliveryKey: key, topic: "review.created", payload: "{}", meta: {} },
      NOW,
    );
    await settle(db, stored.id, "dead", "custom event: customerId: ids must be JSON strings", NOW);
    return stored.id;
  }

  it("lists only the program's own dead letters, with why they failed, and replays only its own", async () => {
    const own = await poison(mine, "poison-mine");
    const other = await poison(theirs, "poison-theirs");

    const listed = field<Dead[]>(await ask(mine, LIST, { first: 10 }), "deadLetters");
    expect(listed).toEqual([
      expect.objectContaining({
        id: String(own),
        source: "custom",
        topic: "review.created",
        deliveryKey: "poison-mine",
        error: expect.stringMatching(/customerId/),
      }),
    ]);

    // Another program's id is not this program's to replay: nothing happens to it.
    expect(field<number>(await ask(mine, REPLAY, { ids: [String(other)] }), "replayDeadLetters")).toBe(0);
    expect(field<Dead[]>(await ask(theirs, LIST, { first: 10 }), "deadLetters").map((d) => d.id)).toEqual([String(other)]);

    expect(field<number>(await ask(mine, REPLAY, { ids: [String(own)] }), "replayDeadLetters")).toBe(1);
    const row = await dbOf(engine).selectFrom("kinship_inbox").select("status").where("id", "=", own).executeTakeFirstOrThrow();
    expect(row.status).toBe("queued");
    expect(field<Dead[]>(await ask(mine, LIST, { first: 10 }), "deadLetters")).toEqual([]);
    // Replaying it again: it is no longer dead, so nothing is requeued.
    expect(field<number>(await ask(mine, REPLAY, { ids: [String(own)] }), "replayDeadLetters")).toBe(0);
  });

  it("refuses an id that is not a number, and a page size out of range", async () => {
    expect(codeOf(await ask(mine, REPLAY, { ids: ["twelve"] }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await ask(mine, LIST, { first: 0 }))).toBe("BAD_USER_INPUT");
  });
});
