import { z } from "zod";

/**
 * What an order says about the shopper and a referral: the storefront puts the referral code on the
 * cart as the attributes `kinship_ref` and `kinship_device`, which Shopify copies to the order's
 * `note_attributes`; the IP is the order's own `browser_ip`. The contact is compared (normalised
 * and hashed by the engine) for referral fraud checks.
 */
export const REFERRAL_ATTRIBUTE = "kinship_ref";
export const DEVICE_ATTRIBUTE = "kinship_device";

const text = z.string().nullish();
const Address = z.object({ address1: text, address2: text, city: text, zip: text, country_code: text, country: text }).nullish();

export const OrderReferralFields = {
  email: text,
  contact_email: text,
  phone: text,
  browser_ip: text,
  shipping_address: Address,
  note_attributes: z.array(z.object({ name: z.string(), value: z.unknown() })).nullish(),
};

type Fields = { [K in keyof typeof OrderReferralFields]?: z.output<(typeof OrderReferralFields)[K]> };

const cut = (v: string | null | undefined, max: number) => {
  const t = v?.trim();
  return t ? t.slice(0, max) : undefined;
};

function attribute(o: Fields, name: string): string | undefined {
  const found = o.note_attributes?.find((a) => a.name === name)?.value;
  return typeof found === "string" ? cut(found, name === REFERRAL_ATTRIBUTE ? 100 : 200) : undefined;
}

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The order.paid fields `contact` and `referral` from a Shopify order (each left out when empty). */
export function orderReferralOf(o: Fields): {
  contact?: { email?: string; phone?: string; shippingAddress?: Record<string, string> };
  referral?: { code: string; ip?: string; deviceId?: string };
} {
  const out: ReturnType<typeof orderReferralOf> = {};
  const a = o.shipping_address;
  const address = a
    ? defined({
        line1: cut(a.address1, 300),
        line2: cut(a.address2, 300),
        city: cut(a.city, 200),
        postalCode: cut(a.zip, 40),
        country: cut(a.country_code ?? a.country, 80),
      })
    : {};
  const contact = defined({
    email: cut(o.email ?? o.contact_email, 320),
    phone: cut(o.phone, 64),
    shippingAddress: Object.keys(address).length > 0 ? address : undefined,
  });
  if (Object.keys(contact).length > 0) out.contact = contact;
  const code = attribute(o, REFERRAL_ATTRIBUTE);
  if (code) out.referral = defined({ code, ip: cut(o.browser_ip, 64), deviceId: attribute(o, DEVICE_ATTRIBUTE) });
  return out;
}
