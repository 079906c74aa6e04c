import type { CartReferral } from "../core/referral.ts";

/** The part of Medusa's JS SDK (`@medusajs/js-sdk`) that writes a cart. */
export interface MedusaCartClient {
  store: { cart: { update(id: string, body: { metadata: Record<string, unknown> }): Promise<unknown> } };
}

/**
 * <KinshipProvider updateCart>: writes the referral as the cart's `metadata.kinship_ref` and
 * `metadata.kinship_device` (the Kinship plugin reads them from the order).
 */
export function medusaCartReferral(sdk: MedusaCartClient, cartId: string): (referral: CartReferral) => Promise<unknown> {
  return (referral) => sdk.store.cart.update(cartId, { metadata: { ...referral } });
}
