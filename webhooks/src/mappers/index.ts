export { mapCustom } from "./custom.ts";
export {
  count,
  decimal,
  describe as describeValue,
  emailOf,
  instant,
  jsonId,
  minorOf,
  nameOf,
  parseLossless,
  read,
  stringId,
} from "./read.ts";
export { KINSHIP_TAG_PREFIX, mapShopify, normalizeTopic, splitTags } from "./shopify.ts";
export { type Mapped, MappingError } from "./types.ts";
