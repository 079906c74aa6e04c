import { z } from "zod";
import { currencyCode } from "./fields.ts";

/**
 * Other currencies the program sells in (Medusa regions, Shopify Markets). An order in one of them
 * earns as if its amounts were converted at `rate`; member prices in it are converted the same way
 * unless `memberPrices` is false. A currency not listed earns nothing (as before).
 */
export const Currencies = z.record(
  currencyCode,
  z.strictObject({
    rate: z
      .string()
      .regex(/^\d{1,9}(\.\d{1,9})?$/, "a decimal such as 0.92")
      .describe("program-currency units one unit of this currency is worth (exact decimal)"),
    memberPrices: z.boolean().default(true),
  }),
);
export type Currencies = z.infer<typeof Currencies>;
