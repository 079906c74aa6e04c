import type { Engine } from "@kinship/engine";
import type { Logger } from "@kinship/webhooks";

/** What every periodic task that calls shops needs: the app's credentials refresh their expiring tokens. */
export interface ShopTaskOptions {
  engine: Engine;
  apiKey: string;
  apiSecret: string;
  everyMs: number;
  now: () => Date;
  log: Logger;
}
