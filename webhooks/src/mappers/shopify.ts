/**
 * Shopify webhook bodies → Kinship intents. Pure: the raw body (already HMAC-verified by intake) and
 * the `X-Shopify-Topic` header in, a `Mapped` out.
 *
 * Payload assumptions (Shopify REST webhook payloads, API 2026-07; see test/fixtures/shopify):
 * - Ids are 64-bit JSON numbers (820982911946154508 > 2^53): the body is parsed losslessly and every
 *   id becomes its exact decimal text. String ids are accepted too.
 * - Money is a decimal string in the shop currency (`price`, `total_tax`, `discount_allocations[].amount`,
 *   `*_set.shop_money.amount`); a few fields are JSON numbers (`refund_line_items[].subtotal`). All are
 *   converted with exact string arithmetic in the currency's exponent.
 * - An order's `currency` is the shop currency, the one `price` and the `*_set.shop_money` amounts use
 *   (`presentment_currency` is what the buyer saw and is not used).
 * - Order webhooks carry no product collections: `collectionIds` is always []; the engine fills them
 *   from the program's catalog (kept by the products/* and collections/* topics below).
 * - Product webhooks carry variants and prices but not collections, collection webhooks not their
 *   products: the mapper says what changed (`catalog`), the worker asks the Admin API the rest.
 * - With `taxes_included` (tax-inclusive shops) line prices include tax; they are passed as they are,
 *   consistently with refund subtotals, which include tax there as well.
 * - Test orders (`test: true`, Bogus gateway) are mapped like any other, so merchants can try the program.
 * - A line's `memberSaving` is the part of its `discount_allocations` whose `discount_application_index`
 *   names an automatic application titled as Kinship's member-price discount (MEMBER_PRICE_TITLE, or the
 *   Discount Function's "<tier> member price" message); `sellingPlanId` is the line's `selling_plan_id`
 *   (API 2026-10 and later); the order's `shippingDiscount` is the sum of its shipping lines'
 *   `discount_allocations`.
 */
import type { CatalogChange, CommerceEventInput } from "@kinship/engine/core";
import { z } from "zod";
import { count, decimal, emailOf, instant, jsonId, minorOf, nameOf, parseLossless, read } from "./read.ts";
import { OrderReferralFields, orderReferralOf } from "./shopify-referral.ts";
import { type Mapped, MappingError } from "./types.ts";

type OrderLineInput = Extract<CommerceEventInput, { type: "order.paid" }>["lines"][number];
type RefundLineInput = NonNullable<Extract<CommerceEventInput, { type: "refund.created" }>["lines"]>[number];

const currency = z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 currency code");
const shopMoney = z.object({ shop_money: z.object({ amount: decimal, currency_code: currency.nullish() }) });

const LineItem = z.object({
  id: jsonId,
  product_id: jsonId.nullish(),
  variant_id: jsonId.nullish(),
  sku: z.string().nullish(),
  quantity: count,
  price: decimal,
  gift_card: z.boolean().nullish(),
  total_discount: decimal.nullish(),
  discount_allocations: z.array(z.object({ amount: decimal, discount_application_index: count.nullish() })).nullish(),
  selling_plan_id: jsonId.nullish(),
});

const DiscountApplication = z.object({ type: z.string().nullish(), title: z.string().nullish(), description: z.string().nullish() });

/** The title of Kinship's automatic member-price discount (plugin/app/src/shopify/discount/activation.ts DISCOUNT_TITLE). */
export const MEMBER_PRICE_TITLE = "Kinship member prices";

function isMemberPrice(a: z.output<typeof DiscountApplication> | undefined): boolean {
  if (a?.type !== "automatic") return false;
  return [a.title, a.description].some((t) => t === MEMBER_PRICE_TITLE || (t != null && / member price$/.test(t)));
}

const Order = z.object({
  id: jsonId,
  currency,
  processed_at: instant.nullish(),
  created_at: instant.nullish(),
  customer: z.object({ id: jsonId }).nullish(),
  line_items: z.array(LineItem),
  shipping_lines: z
    .array(
      z.object({
        price: decimal,
        is_removed: z.boolean().nullish(),
        discount_allocations: z.array(z.object({ amount: decimal })).nullish(),
      }),
    )
    .nullish(),
  discount_applications: z.array(DiscountApplication).nullish(),
  total_shipping_price_set: shopMoney.nullish(),
  total_tax: decimal.nullish(),
  ...OrderReferralFields,
});

/** A cancellation needs only the order and when: the rest of the order is not read. */
const CancelledOrder = z.object({ id: jsonId, cancelled_at: instant.nullish() });

const Refund = z.object({
  id: jsonId,
  order_id: jsonId,
  processed_at: instant.nullish(),
  created_at: instant.nullish(),
  refund_line_items: z
    .array(
      z.object({
        line_item_id: jsonId,
        quantity: count,
        subtotal: decimal.nullish(),
        subtotal_set: shopMoney.nullish(),
        line_item: z.object({ gift_card: z.boolean().nullish() }).nullish(),
      }),
    )
    .nullish(),
  total_duties_set: shopMoney.nullish(),
});

const Customer = z.object({
  id: jsonId,
  created_at: instant.nullish(),
  updated_at: instant.nullish(),
  email: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  tags: z.string().nullish(),
  phone: z.string().nullish(),
});

const DataRequest = z.object({
  customer: z.object({ id: jsonId }),
  data_request: z.object({ id: jsonId.nullish() }).nullish(),
});
const CustomerRedact = z.object({ customer: z.object({ id: jsonId }) });
const AnyObject = z.record(z.string(), z.unknown());
/** app/scopes_update: `current` is what the shop grants now (`previous` is not needed). */
const ScopesUpdate = z.object({
  current: z.array(z.string().regex(/^[a-z][a-z0-9_]{0,99}$/, "expected an access scope such as read_orders")),
  updated_at: instant,
});

const Product = z.object({
  id: jsonId,
  variants: z.array(z.object({ id: jsonId, price: decimal })),
});
const Deleted = z.object({ id: jsonId });

/** "orders/paid" as sent in X-Shopify-Topic; the GraphQL enum spelling ORDERS_PAID is accepted too. */
export function normalizeTopic(topic: string): string {
  const t = topic.trim();
  return /^[A-Z_]+$/.test(t) ? t.toLowerCase().replace("_", "/") : t.toLowerCase();
}

/** Maps one Shopify webhook delivery. Throws MappingError on malformed JSON or missing/invalid fields. */
export function mapShopify(topic: string, rawBody: string): Mapped {
  const t = normalizeTopic(topic);
  const what = `shopify ${t}`;
  switch (t) {
    case "orders/paid":
      return orderPaid(read(Order, parseLossless(rawBody, what), what), what);
    case "orders/cancelled":
      return orderCancelled(read(CancelledOrder, parseLossless(rawBody, what), what), what);
    case "refunds/create":
      return refundCreated(read(Refund, parseLossless(rawBody, what), what), what);
    case "customers/create":
    case "customers/update":
      return customerChanged(read(Customer, parseLossless(rawBody, what), what), t === "customers/create", what);
    case "customers/data_request": {
      const b = read(DataRequest, parseLossless(rawBody, what), what);
      return { kind: "export", customerId: b.customer.id, requestRef: b.data_request?.id ?? null };
    }
    case "customers/redact":
      return { kind: "redact", customerId: read(CustomerRedact, parseLossless(rawBody, what), what).customer.id };
    case "shop/redact":
      read(AnyObject, parseLossless(rawBody, what), what);
      return { kind: "redactShop" };
    case "products/create":
    case "products/update":
      return productChanged(read(Product, parseLossless(rawBody, what), what), what);
    case "products/delete":
      return catalog({ type: "product.deleted", productId: read(Deleted, parseLossless(rawBody, what), what).id });
    case "collections/update":
      return catalog({ type: "collection.changed", collectionId: read(Deleted, parseLossless(rawBody, what), what).id });
    case "collections/delete":
      return catalog({ type: "collection.deleted", collectionId: read(Deleted, parseLossless(rawBody, what), what).id });
    case "app/uninstalled":
      read(AnyObject, parseLossless(rawBody, what), what);
      return { kind: "uninstalled" };
    case "app/scopes_update": {
      const b = read(ScopesUpdate, parseLossless(rawBody, what), what);
      return { kind: "scopes", granted: b.current, at: b.updated_at };
    }
    default:
      return { kind: "ignore", reason: `topic ${topic} is not used by Kinship` };
  }
}

function apply(...inputs: CommerceEventInput[]): Mapped {
  return { kind: "apply", inputs };
}

function catalog(change: CatalogChange): Mapped {
  return { kind: "catalog", change };
}

/** Prices stay the shop's decimal text (checked here): the engine converts them in the program's currency. */
function productChanged(p: z.output<typeof Product>, what: string): Mapped {
  const variants = p.variants.map((v, i) => {
    const price = typeof v.price === "object" ? v.price.value : String(v.price);
    if (!/^\d+(\.\d+)?$/.test(price)) throw new MappingError(`${what}: variants.${i}.price: "${price}" is not a decimal amount`);
    return { variantId: v.id, price };
  });
  return catalog({ type: "product.changed", productId: p.id, variants });
}

function sum(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

function orderPaid(o: z.output<typeof Order>, what: string): Mapped {
  const occurredAt = o.processed_at ?? o.created_at;
  if (!occurredAt) throw new MappingError(`${what}: processed_at: missing (and no created_at)`);
  const lines: OrderLineInput[] = [];
  o.line_items.forEach((li, i) => {
    // Buying a gift card earns nothing: it is a payment instrument, not merchandise (points come when
    // it is spent on goods). Its line is left out of the order entirely.
    if (li.gift_card) return;
    // A line whose quantity was edited down to nothing bought nothing (the engine wants quantity ≥ 1).
    if (li.quantity === 0) return;
    const at = `${what}: line_items.${i}`;
    const unitPrice = minorOf(`${at}.price`, li.price, o.currency);
    // Shopify allocates every discount application (line-level and order-level "across" codes) to the
    // lines in discount_allocations; total_discount (deprecated, line-level only) is a fallback.
    const discount = li.discount_allocations?.length
      ? sum(li.discount_allocations.map((d, j) => minorOf(`${at}.discount_allocations.${j}.amount`, d.amount, o.currency)))
      : li.total_discount != null
        ? minorOf(`${at}.total_discount`, li.total_discount, o.currency)
        : 0;
    const memberSaving = sum(
      (li.discount_allocations ?? []).map((d, j) =>
        d.discount_application_index != null && isMemberPrice(o.discount_applications?.[d.discount_application_index])
          ? minorOf(`${at}.discount_allocations.${j}.amount`, d.amount, o.currency)
          : 0,
      ),
    );
    const line: OrderLineInput = { lineId: li.id, collectionIds: [], quantity: li.quantity, unitPrice, discount };
    if (memberSaving > 0) line.memberSaving = Math.min(memberSaving, discount);
    if (li.selling_plan_id != null) line.sellingPlanId = li.selling_plan_id;
    if (li.product_id != null) line.productId = li.product_id;
    if (li.variant_id != null) line.variantId = li.variant_id;
    if (li.sku) line.sku = li.sku.slice(0, 200);
    lines.push(line);
  });
  if (lines.length === 0) return { kind: "ignore", reason: `order ${o.id} has no lines that earn (gift cards only, or empty)` };

  const shippingLines = o.shipping_lines?.filter((s) => !s.is_removed);
  const shipping = shippingLines?.length
    ? sum(shippingLines.map((s, i) => minorOf(`${what}: shipping_lines.${i}.price`, s.price, o.currency)))
    : o.total_shipping_price_set
      ? minorOf(`${what}: total_shipping_price_set.shop_money.amount`, o.total_shipping_price_set.shop_money.amount, o.currency)
      : 0;
  const tax = o.total_tax != null ? minorOf(`${what}: total_tax`, o.total_tax, o.currency) : 0;
  const shippingDiscount = sum(
    (shippingLines ?? []).flatMap((s, i) =>
      (s.discount_allocations ?? []).map((d, j) =>
        minorOf(`${what}: shipping_lines.${i}.discount_allocations.${j}.amount`, d.amount, o.currency),
      ),
    ),
  );

  // `key` is left out: the engine's default `order:<id>:paid` makes redeliveries idempotent.
  // A guest order (no customer) is still passed on with customerId null; the engine skips it.
  return apply({
    type: "order.paid",
    orderId: o.id,
    customerId: o.customer?.id ?? null,
    occurredAt,
    currency: o.currency,
    lines,
    orderDiscount: 0, // already allocated to the lines above
    shipping,
    ...(shippingDiscount > 0 ? { shippingDiscount: Math.min(shippingDiscount, shipping) } : {}),
    tax,
    ...orderReferralOf(o),
  });
}

function orderCancelled(o: z.output<typeof CancelledOrder>, what: string): Mapped {
  if (!o.cancelled_at) throw new MappingError(`${what}: cancelled_at: missing on a cancelled order`);
  return apply({ type: "order.cancelled", orderId: o.id, occurredAt: o.cancelled_at });
}

/**
 * Only refund_line_items count: they are the merchandise given back, per line, after its discounts
 * (subtotal_set, before tax). `order_adjustments` are left out on purpose: they hold shipping refunds
 * (kind "shipping_refund", never merchandise, which earned nothing) and refund discrepancies (kind
 * "refund_discrepancy", the gap between the calculated refund and the money actually returned, a
 * goodwill or rounding amount rather than goods coming back). Transactions are payments, not goods.
 * A refund with no merchandise lines (shipping only, an amount only) therefore changes no points.
 */
function refundCreated(r: z.output<typeof Refund>, what: string): Mapped {
  const occurredAt = r.processed_at ?? r.created_at;
  if (!occurredAt) throw new MappingError(`${what}: processed_at: missing (and no created_at)`);
  const items = r.refund_line_items ?? [];
  // The refund has no currency of its own: take the shop currency from its money sets.
  const shopCurrency =
    items.map((it) => it.subtotal_set?.shop_money.currency_code).find((c) => c) ?? r.total_duties_set?.shop_money.currency_code ?? null;
  const lines: RefundLineInput[] = [];
  items.forEach((it, i) => {
    if (it.line_item?.gift_card) return; // gift card lines were never part of the order's earning basis
    const at = `${what}: refund_line_items.${i}`;
    if (!shopCurrency) throw new MappingError(`${at}.subtotal_set.shop_money.currency_code: missing (the refund's currency is unknown)`);
    const amount = it.subtotal_set?.shop_money.amount ?? it.subtotal;
    if (amount == null) throw new MappingError(`${at}.subtotal_set: missing (and no subtotal)`);
    const field = it.subtotal_set ? `${at}.subtotal_set.shop_money.amount` : `${at}.subtotal`;
    lines.push({ lineId: it.line_item_id, quantity: it.quantity, amount: minorOf(field, amount, shopCurrency) });
  });
  if (lines.length === 0) return { kind: "ignore", reason: `refund ${r.id} of order ${r.order_id} returns no merchandise lines` };
  return apply({ type: "refund.created", refundId: r.id, orderId: r.order_id, occurredAt, lines });
}

/** The prefix of the tags Kinship writes on Shopify customers (`kinship-gold`). */
export const KINSHIP_TAG_PREFIX = "kinship-";

/** Shopify's `tags` is one comma-separated string: "vip, newsletter" → ["vip", "newsletter"]. */
export function splitTags(tags: string): string[] {
  const list = tags
    .split(",")
    .map((t) => t.trim().slice(0, 255))
    .filter((t) => t !== "");
  return [...new Set(list)];
}

function customerChanged(c: z.output<typeof Customer>, created: boolean, what: string): Mapped {
  const field = created ? "created_at" : "updated_at";
  const occurredAt = created ? c.created_at : c.updated_at;
  if (!occurredAt) throw new MappingError(`${what}: ${field}: missing`);
  const event: Extract<CommerceEventInput, { type: "customer.created" | "customer.updated" }> = {
    type: created ? "customer.created" : "customer.updated",
    customerId: c.id,
    occurredAt,
  };
  // Absent fields stay undefined (the engine leaves them unchanged); null clears them.
  const email = emailOf(c.email);
  if (email !== undefined) event.email = email;
  const firstName = nameOf(c.first_name);
  if (firstName !== undefined) event.firstName = firstName;
  const lastName = nameOf(c.last_name);
  if (lastName !== undefined) event.lastName = lastName;
  // A phone compares referrals (same_phone); an absent one is left as it is.
  if (c.phone?.trim()) event.phone = c.phone.trim().slice(0, 64);
  // `kinship-*` tags are the tier tags Kinship writes itself: the echo of that write (a
  // customers/update) must not read them back as the merchant's tags.
  if (c.tags != null) event.tags = splitTags(c.tags).filter((t) => !t.startsWith(KINSHIP_TAG_PREFIX));
  return apply(event);
}
