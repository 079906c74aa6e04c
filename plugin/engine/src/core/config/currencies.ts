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

/** What is wrong with the listed currencies of a program in `programCurrency`: [key, message] pairs. */
export function currencyIssues(programCurrency: string, currencies: Currencies): [string, string][] {
  const issues: [string, string][] = [];
  for (const [code, c] of Object.entries(currencies)) {
    if (code === programCurrency) issues.push([code, "the program's own currency needs no rate"]);
    else if (!knownCurrency(code)) issues.push([code, `unknown currency ${code}`]);
    if (!/[1-9]/.test(c.rate)) issues.push([code, "a rate must be more than 0"]);
  }
  return issues;
}

function knownCurrency(code: string): boolean {
  try {
    new Intl.NumberFormat("en", { style: "currency", currency: code });
    return true;
  } catch {
    return false;
  }
}
