import type { Engine } from "@kinship/engine";
import { afterAll, afterEach, beforeAll } from "vitest";
import { openShop, openTestEngine, type Shop, type ShopOptions } from "./shop.ts";

/**
 * The test file's engine: opened (PGlite) before its first test, closed after its last, and the
 * page emptied after each test. Read `.engine` inside tests and hooks (it is set in beforeAll).
 */
export function engineForFile(): { readonly engine: Engine } {
  let engine: Engine | undefined;
  beforeAll(async () => {
    engine = await openTestEngine();
  });
  afterAll(() => engine?.close());
  afterEach(() => {
    document.body.innerHTML = "";
  });
  return {
    get engine(): Engine {
      if (!engine) throw new Error("the test engine opens in beforeAll: read it inside a test or hook");
      return engine;
    },
  };
}

/** The file's engine with one shop opened (and `seed`ed) before the first test, for files whose tests share it. */
export function shopForFile(
  options: ShopOptions,
  seed: (shop: Shop) => Promise<unknown> = async () => {},
): { readonly engine: Engine; readonly shop: Shop } {
  const files = engineForFile();
  let shop: Shop | undefined;
  beforeAll(async () => {
    shop = await openShop(files.engine, options);
    await seed(shop);
  });
  return {
    get engine() {
      return files.engine;
    },
    get shop(): Shop {
      if (!shop) throw new Error("the test shop opens in beforeAll: read it inside a test or hook");
      return shop;
    },
  };
}
