export { mapCustom } from "./custom.ts";
export {
  MEDUSA_TOPICS,
  type MedusaAmount,
  type MedusaCancelledOrder,
  type MedusaCustomer,
  type MedusaOrder,
  type MedusaOrderItem,
  type MedusaRefund,
  type MedusaTopic,
  mapMedusa,
  mapMedusaCancel,
  mapMedusaCustomer,
  mapMedusaOrder,
  mapMedusaRefund,
  medusaNumber,
  wholeCount,
} from "./medusa.ts";
export { currencyExponent, type DecimalInput, type ToMinorOptions, toMinor } from "./money.ts";
export { parseLossless } from "./read.ts";
export { mapShopify, normalizeTopic, splitTags } from "./shopify.ts";
export { type Mapped, MappingError } from "./types.ts";
