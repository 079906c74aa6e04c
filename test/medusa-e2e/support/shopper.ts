import { call } from "./http.ts";
import type { Seed } from "./store.ts";

export interface Shopper {
  customerId: string;
  email: string;
  token: string;
}

/** Signs a shopper up the way a storefront does: register an identity, create the customer, log in. */
export async function signUp(url: string, seed: Seed, email: string, password = "shopper-pw-1"): Promise<Shopper> {
  const publishableKey = seed.publishableKey;
  const { token: registration } = await call<{ token: string }>(url, "/auth/customer/emailpass/register", { body: { email, password } });
  const { customer } = await call<{ customer: { id: string } }>(url, "/store/customers", {
    body: { email, first_name: "Ada", last_name: "Shopper" },
    token: registration,
    publishableKey,
  });
  const { token } = await call<{ token: string }>(url, "/auth/customer/emailpass", { body: { email, password } });
  return { customerId: customer.id, email, token };
}

/** A cart with these lines, shipped to the US (or Germany, in EUR) with the seeded option, paid with the system provider. */
export async function cartFor(
  url: string,
  seed: Seed,
  shopper: Shopper,
  lines: { variantId: string; quantity: number }[],
  where: { regionId: string; country: string; metadata?: Record<string, unknown> } = { regionId: seed.regionId, country: "us" },
): Promise<string> {
  const s = { token: shopper.token, publishableKey: seed.publishableKey };
  const { cart } = await call<{ cart: { id: string } }>(url, "/store/carts", {
    ...s,
    body: {
      region_id: where.regionId,
      email: shopper.email,
      ...(where.metadata ? { metadata: where.metadata } : {}),
      items: lines.map((l) => ({ variant_id: l.variantId, quantity: l.quantity })),
      shipping_address: {
        first_name: "Ada",
        last_name: "Shopper",
        address_1: "1 Main St",
        city: "Springfield",
        country_code: where.country,
        postal_code: "12345",
      },
    },
  });
  await call(url, `/store/carts/${cart.id}/shipping-methods`, { ...s, body: { option_id: seed.shippingOptionId } });
  return cart.id;
}

/** Pays and completes the cart: Medusa's own checkout, which places the order (`order.placed`). */
export async function checkout(url: string, seed: Seed, shopper: Shopper, cartId: string): Promise<{ id: string; total: number }> {
  const s = { token: shopper.token, publishableKey: seed.publishableKey };
  const { payment_collection } = await call<{ payment_collection: { id: string } }>(url, "/store/payment-collections", {
    ...s,
    body: { cart_id: cartId },
  });
  await call(url, `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    ...s,
    body: { provider_id: "pp_system_default" },
  });
  const done = await call<{ type: string; order?: { id: string; total: number }; error?: unknown }>(
    url,
    `/store/carts/${cartId}/complete`,
    { ...s, body: {} },
  );
  if (done.type !== "order" || !done.order) throw new Error(`checkout did not place an order: ${JSON.stringify(done).slice(0, 1000)}`);
  return { id: done.order.id, total: done.order.total };
}
