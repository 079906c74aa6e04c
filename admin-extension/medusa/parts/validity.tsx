// Moved to shared (the Shopify admin's forms track validity the same way); Medusa imports stay.
export { useReportInvalid, useValidityTracker, type Validity, ValidityProvider } from "../../shared/validity.ts";
