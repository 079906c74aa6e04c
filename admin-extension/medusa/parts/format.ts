// Moved to shared (the Shopify admin formats the same way); Medusa imports stay.
export { formatDate, formatDateTime, formatNumber, formatSigned, ledgerKindLabel, ledgerPoints } from "../../shared/format.ts";
