import { KinshipAdminFinanceReportDocument } from "./generated/graphql.ts";
import { operation } from "./operation.ts";

/** The month's (YYYY-MM, program time zone) roll-forward by day, liability per currency, breakage and benefit costs. */
export const financeReportQuery = operation("KinshipAdminFinanceReport", KinshipAdminFinanceReportDocument);

export const financeOperations = [financeReportQuery] as const;
