/** The Shopify resources whose admin pages carry a Kinship block. */
export type BlockResource = "Customer" | "Order";

/** A positive integer of at most 20 digits: Shopify's ids are unsigned 64-bit. */
const GID = /^gid:\/\/shopify\/([A-Za-z]+)\/([1-9][0-9]{0,19})$/;

/**
 * The id Kinship stores for a Shopify GID: its numeric tail, as the webhook mapper keeps it (the
 * exact decimal text of Shopify's JSON number). Never goes through Number, which rounds above 2^53.
 */
export function idOfGid(gid: unknown, type: BlockResource): string {
  const m = typeof gid === "string" ? GID.exec(gid) : null;
  if (!m || m[1] !== type) throw new TypeError(`expected a ${type} id (gid://shopify/${type}/<number>), received ${JSON.stringify(gid)}`);
  return m[2] as string;
}
