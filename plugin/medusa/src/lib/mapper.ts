/**
 * Medusa v2 data → Kinship intents, for the Medusa plugin's subscribers. Medusa events carry only ids
 * (`order.placed` → `{ id }`, `order.return_received` → `{ order_id, return_id }`, `customer.*` →
 * `[{ id }]`); the subscriber loads the records with `query.graph` and hands them here.
 *
 * Data assumptions (Medusa 2.x order and customer modules, documented shapes; only the fields below
 * are read, everything else is ignored):
 * - Ids are strings ("order_01H…", "ordli_01H…", "cus_01H…").
 * - Amounts are in MAJOR units (12.5 is $12.50), as a JS number, a decimal string, or a BigNumber-like
 *   object: the raw form `{ value: "12.5", precision: 20 }` (the `raw_*` fields) or a BigNumber
 *   instance exposing `raw.value` / `numeric`. The raw form is preferred when both are present.
 * - Medusa computes with high-precision decimals (a promotion split across lines yields 3.3333…), so
 *   Medusa amounts are rounded half-up to the currency's exponent instead of being rejected.
 * - `currency_code` is lowercase ("usd") and is upper-cased.
 * - A line's discount is Σ `adjustments[].amount` (the promotions applied to it), falling back to
 *   `discount_total` when the adjustments were not loaded. Order-level promotions are allocated to
 *   item adjustments by Medusa, so `orderDiscount` is 0. With tax-inclusive prices
 *   (`is_tax_inclusive`) the unit price includes tax and is passed as is.
 * - Collections: `item.variant.product.collection_id` (load `items.variant.product.collection_id`);
 *   `item.product_collection` is the collection's title, not its id, and is not used.
 * - Gift cards: lines whose `variant.product.is_giftcard` is true earn nothing and are left out.
 * - Medusa creates a customer record even for guest checkouts, so `customer_id` is set for most
 *   orders; it is passed on as is (null only when absent).
 * - Member savings: a line bought at a price-list price of type "sale" (Kinship's tier price lists
 *   are) carries `compare_at_unit_price`, the price without the list; the saving is
 *   (compare_at_unit_price − unit_price) × quantity. A merchant's own sale price lists set it too.
 * - `shipping_discount_total` is the shipping the order did not charge; `email` and
 *   `shipping_address` are the contact; the cart's metadata (copied to the order at completion)
 *   carries the storefront's `kinship_ref`, `kinship_device` and `kinship_ip`.
 * - Custom events (topic "custom", from the plugin's signed route or its workflow step) are mapped
 *   as the server's POST /webhooks/events maps them.
 */
import type { CommerceEventInput } from "@kinship/engine/core";
import {
  describeValue,
  emailOf,
  instant,
  type Mapped,
  MappingError,
  mapCustom,
  minorOf,
  nameOf,
  read,
  stringId,
} from "@kinship/webhooks/mappers";
import { z } from "zod";

/** A Medusa amount in major units: 12.5, "12.5", { value: "12.5" }, or a BigNumber instance. */
export type MedusaAmount =
  | number
  | string
  | { value: string | number; precision?: number }
  | { raw?: { value: string | number }; numeric?: number };
type Dateish = string | Date;

export interface MedusaOrderItem {
  id: string;
  product_id?: string | null;
  variant_id?: string | null;
  variant_sku?: string | null;
  quantity: MedusaAmount;
  raw_quantity?: MedusaAmount | null;
  unit_price: MedusaAmount;
  raw_unit_price?: MedusaAmount | null;
  compare_at_unit_price?: MedusaAmount | null;
  raw_compare_at_unit_price?: MedusaAmount | null;
  adjustments?: Array<{ amount: MedusaAmount; raw_amount?: MedusaAmount | null }> | null;
  discount_total?: MedusaAmount | null;
  raw_discount_total?: MedusaAmount | null;
  variant?: { sku?: string | null; product?: { collection_id?: string | null; is_giftcard?: boolean | null } | null } | null;
}

export interface MedusaOrder {
  id: string;
  customer_id?: string | null;
  currency_code: string;
  created_at: Dateish;
  items: MedusaOrderItem[];
  shipping_subtotal?: MedusaAmount | null;
  shipping_total?: MedusaAmount | null;
  shipping_discount_total?: MedusaAmount | null;
  tax_total?: MedusaAmount | null;
  email?: string | null;
  shipping_address?: MedusaAddress | null;
  metadata?: Record<string, unknown> | null;
}

export interface MedusaAddress {
  address_1?: string | null;
  address_2?: string | null;
  city?: string | null;
  postal_code?: string | null;
  country_code?: string | null;
  phone?: string | null;
}

export interface MedusaCancelledOrder {
  id: string;
  /** When the order was canceled; `updated_at` is used when it is missing. */
  canceled_at?: Dateish | null;
  updated_at?: Dateish | null;
}

/**
 * What the Medusa plugin knows about money given back. Give exactly one of `refund_id` (a payment
 * refund, from `payment.refunded`) or `return_id` (a received return, from `order.return_received`):
 * it is the refund's idempotency key, so the same money must always be reported under the same one,
 * never under both.
 */
export interface MedusaRefund {
  order_id: string;
  refund_id?: string | null;
  return_id?: string | null;
  /** The order's currency ("usd"). */
  currency_code: string;
  /** When the refund or return happened. */
  occurred_at: Dateish;
  /** Merchandise given back per order line: `amount` in major units, after the line's discounts, without tax or shipping. */
  items?: Array<{ item_id: string; quantity: MedusaAmount; amount: MedusaAmount }> | null;
  /** Merchandise refunded without lines (major units, no tax, no shipping). */
  amount?: MedusaAmount | null;
}

export interface MedusaCustomer {
  id: string;
  email?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  created_at?: Dateish | null;
  updated_at?: Dateish | null;
}

const ROUND = { excess: "halfUp" } as const;

/**
 * A number as Medusa sends it (a number, a decimal string, or a BigNumber: { raw: { value } },
 * { value }, { numeric }), preferring the exact raw form; undefined when it is none of these.
 */
export function medusaNumber(v: unknown): string | number | undefined {
  if (typeof v === "number" || typeof v === "string") return v;
  if (v === null || typeof v !== "object") return undefined;
  const o = v as { value?: unknown; raw?: { value?: unknown }; numeric?: unknown };
  for (const x of [o.raw?.value, o.value, o.numeric]) if (typeof x === "string" || typeof x === "number") return x;
  return undefined;
}

/** A whole count from a quantity's text ("2", or "2.0" from a BigNumber); NaN for anything fractional or not a number. */
export function wholeCount(v: string | number): number {
  const m = /^(\d+)(?:\.0+)?$/.exec(String(v));
  return m ? Number(m[1]) : Number.NaN;
}

/** The decimal text of a Medusa amount, preferring the exact raw form. */
const amount = z.unknown().transform((v, ctx): string | number => {
  const n = medusaNumber(v);
  if (n !== undefined) return n;
  ctx.addIssue({ code: "custom", message: `expected an amount (number, decimal string or { value }), received ${describeValue(v)}` });
  return z.NEVER;
});

const date = z.unknown().transform((v, ctx): string => {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString();
  if (typeof v === "string" && instant.safeParse(v).success) return v;
  ctx.addIssue({ code: "custom", message: `expected a Date or an ISO 8601 date-time with an offset, received ${describeValue(v)}` });
  return z.NEVER;
});

const currencyCode = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, "expected an ISO 4217 currency code")
  .transform((c) => c.toUpperCase());

const Item = z.object({
  id: stringId,
  product_id: stringId.nullish(),
  variant_id: stringId.nullish(),
  variant_sku: z.string().nullish(),
  quantity: amount,
  raw_quantity: amount.nullish(),
  unit_price: amount,
  raw_unit_price: amount.nullish(),
  compare_at_unit_price: amount.nullish(),
  raw_compare_at_unit_price: amount.nullish(),
  adjustments: z.array(z.object({ amount: amount, raw_amount: amount.nullish() })).nullish(),
  discount_total: amount.nullish(),
  raw_discount_total: amount.nullish(),
  variant: z
    .object({
      sku: z.string().nullish(),
      product: z.object({ collection_id: stringId.nullish(), is_giftcard: z.boolean().nullish() }).nullish(),
    })
    .nullish(),
});

const Order = z.object({
  id: stringId,
  customer_id: stringId.nullish(),
  currency_code: currencyCode,
  created_at: date,
  items: z.array(Item),
  shipping_subtotal: amount.nullish(),
  shipping_total: amount.nullish(),
  shipping_discount_total: amount.nullish(),
  tax_total: amount.nullish(),
  email: z.string().nullish(),
  shipping_address: z
    .object({
      address_1: z.string().nullish(),
      address_2: z.string().nullish(),
      city: z.string().nullish(),
      postal_code: z.string().nullish(),
      country_code: z.string().nullish(),
      phone: z.string().nullish(),
    })
    .nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

const Cancelled = z.object({ id: stringId, canceled_at: date.nullish(), updated_at: date.nullish() });

const Refund = z.object({
  order_id: stringId,
  refund_id: stringId.nullish(),
  return_id: stringId.nullish(),
  currency_code: currencyCode,
  occurred_at: date,
  items: z.array(z.object({ item_id: stringId, quantity: amount, amount })).nullish(),
  amount: amount.nullish(),
});

const Customer = z.object({
  id: stringId,
  email: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  created_at: date.nullish(),
  updated_at: date.nullish(),
});

function quantityOf(field: string, v: string | number): number {
  const n = wholeCount(v);
  if (!Number.isSafeInteger(n)) throw new MappingError(`${field}: expected a whole quantity, received ${String(v)}`);
  return n;
}

/** An order (loaded after `order.placed`) → order.paid. Throws MappingError on invalid data. */
export function mapMedusaOrder(order: MedusaOrder | unknown): Mapped {
  const what = "medusa order";
  const o = read(Order, order, what);
  const cur = o.currency_code;
  const lines: Extract<CommerceEventInput, { type: "order.paid" }>["lines"] = [];
  o.items.forEach((it, i) => {
    if (it.variant?.product?.is_giftcard) return; // buying a gift card earns nothing (see the Shopify mapper)
    const at = `${what}: items.${i}`;
    const quantity = quantityOf(`${at}.quantity`, it.raw_quantity ?? it.quantity);
    if (quantity === 0) return;
    const unitPrice = minorOf(`${at}.unit_price`, it.raw_unit_price ?? it.unit_price, cur, ROUND);
    const discount = it.adjustments?.length
      ? it.adjustments.reduce((s, a, j) => s + minorOf(`${at}.adjustments.${j}.amount`, a.raw_amount ?? a.amount, cur, ROUND), 0)
      : it.discount_total != null
        ? minorOf(`${at}.discount_total`, it.raw_discount_total ?? it.discount_total, cur, ROUND)
        : 0;
    const compareAt = it.raw_compare_at_unit_price ?? it.compare_at_unit_price;
    const listPrice = compareAt == null ? unitPrice : minorOf(`${at}.compare_at_unit_price`, compareAt, cur, ROUND);
    const line: (typeof lines)[number] = {
      lineId: it.id,
      collectionIds: it.variant?.product?.collection_id ? [it.variant.product.collection_id] : [],
      quantity,
      unitPrice,
      discount,
    };
    if (listPrice > unitPrice) line.memberSaving = (listPrice - unitPrice) * quantity;
    if (it.product_id) line.productId = it.product_id;
    if (it.variant_id) line.variantId = it.variant_id;
    const sku = it.variant_sku ?? it.variant?.sku;
    if (sku) line.sku = sku.slice(0, 200);
    lines.push(line);
  });
  if (lines.length === 0) return { kind: "ignore", reason: `order ${o.id} has no lines that earn (gift cards only, or empty)` };
  const shipping = o.shipping_subtotal ?? o.shipping_total;
  const event: CommerceEventInput = {
    type: "order.paid",
    orderId: o.id,
    customerId: o.customer_id ?? null,
    occurredAt: o.created_at,
    currency: cur,
    lines,
    orderDiscount: 0,
    shipping: shipping == null ? 0 : minorOf(`${what}: shipping_total`, shipping, cur, ROUND),
    tax: o.tax_total == null ? 0 : minorOf(`${what}: tax_total`, o.tax_total, cur, ROUND),
  };
  if (o.shipping_discount_total != null) {
    const off = minorOf(`${what}: shipping_discount_total`, o.shipping_discount_total, cur, ROUND);
    if (off > 0) event.shippingDiscount = off;
  }
  const contact = contactOf(o.email, o.shipping_address);
  if (contact) event.contact = contact;
  const referral = referralOf(o.metadata);
  if (referral) event.referral = referral;
  return { kind: "apply", inputs: [event] };
}

type PaidInput = Extract<CommerceEventInput, { type: "order.paid" }>;

/** Trimmed text cut to the engine's limit; undefined when empty. */
function textOf(v: unknown, max: number): string | undefined {
  if (typeof v !== "string") return undefined;
  const t = v.trim();
  return t === "" ? undefined : t.slice(0, max);
}

/** The shopper as the order knew them (the engine normalises them for its referral checks). */
function contactOf(email: string | null | undefined, a: MedusaAddress | null | undefined): PaidInput["contact"] {
  const contact: NonNullable<PaidInput["contact"]> = {};
  const mail = emailOf(textOf(email, 320));
  if (mail) contact.email = mail;
  const phone = textOf(a?.phone, 64);
  if (phone) contact.phone = phone;
  const address = {
    line1: textOf(a?.address_1, 300),
    line2: textOf(a?.address_2, 300),
    city: textOf(a?.city, 200),
    postalCode: textOf(a?.postal_code, 40),
    country: textOf(a?.country_code, 80)?.toUpperCase(),
  };
  const given = Object.fromEntries(Object.entries(address).filter(([, v]) => v !== undefined));
  if (Object.keys(given).length > 0) contact.shippingAddress = given;
  return Object.keys(contact).length > 0 ? contact : undefined;
}

/** The referral the storefront put on the cart (`kinship_ref`, with `kinship_device` and `kinship_ip`), which Medusa copies to the order. */
function referralOf(metadata: Record<string, unknown> | null | undefined): PaidInput["referral"] {
  const code = textOf(metadata?.kinship_ref, 100);
  if (!code) return undefined;
  const referral: NonNullable<PaidInput["referral"]> = { code };
  const deviceId = textOf(metadata?.kinship_device, 200);
  if (deviceId) referral.deviceId = deviceId;
  const ip = textOf(metadata?.kinship_ip, 64);
  if (ip) referral.ip = ip;
  return referral;
}

/** A canceled order (after `order.canceled`) → order.cancelled. */
export function mapMedusaCancel(order: MedusaCancelledOrder | unknown): Mapped {
  const what = "medusa canceled order";
  const o = read(Cancelled, order, what);
  const occurredAt = o.canceled_at ?? o.updated_at;
  if (!occurredAt) throw new MappingError(`${what}: canceled_at: missing (and no updated_at)`);
  return { kind: "apply", inputs: [{ type: "order.cancelled", orderId: o.id, occurredAt } satisfies CommerceEventInput] };
}

/** Money given back (a refund or a received return, see MedusaRefund) → refund.created. */
export function mapMedusaRefund(refund: MedusaRefund | unknown): Mapped {
  const what = "medusa refund";
  const r = read(Refund, refund, what);
  if (r.refund_id && r.return_id) throw new MappingError(`${what}: give refund_id or return_id, not both`);
  const refundId = r.refund_id ?? r.return_id;
  if (!refundId) throw new MappingError(`${what}: refund_id: missing (or return_id)`);
  const lines = (r.items ?? []).map((it, i) => ({
    lineId: it.item_id,
    quantity: quantityOf(`${what}: items.${i}.quantity`, it.quantity),
    amount: minorOf(`${what}: items.${i}.amount`, it.amount, r.currency_code, ROUND),
  }));
  const amountMinor = r.amount == null ? 0 : minorOf(`${what}: amount`, r.amount, r.currency_code, ROUND);
  if (lines.length === 0 && amountMinor === 0)
    return { kind: "ignore", reason: `refund ${refundId} of order ${r.order_id} returns no merchandise` };
  const event: CommerceEventInput = {
    type: "refund.created",
    refundId,
    orderId: r.order_id,
    occurredAt: r.occurred_at,
    lines,
    amount: amountMinor,
  };
  return { kind: "apply", inputs: [event] };
}

/**
 * A customer (after `customer.created` / `customer.updated`) → customer.created / customer.updated.
 * Medusa customers have no tags, birthday or referral code: those fields are left out (unchanged).
 */
export function mapMedusaCustomer(customer: MedusaCustomer | unknown, created: boolean): Mapped {
  const what = "medusa customer";
  const c = read(Customer, customer, what);
  const occurredAt = created ? (c.created_at ?? c.updated_at) : (c.updated_at ?? c.created_at);
  if (!occurredAt) throw new MappingError(`${what}: ${created ? "created_at" : "updated_at"}: missing`);
  const event: Extract<CommerceEventInput, { type: "customer.created" | "customer.updated" }> = {
    type: created ? "customer.created" : "customer.updated",
    customerId: c.id,
    occurredAt,
  };
  const email = emailOf(c.email);
  if (email !== undefined) event.email = email;
  const firstName = nameOf(c.first_name);
  if (firstName !== undefined) event.firstName = firstName;
  const lastName = nameOf(c.last_name);
  if (lastName !== undefined) event.lastName = lastName;
  return { kind: "apply", inputs: [event] };
}

/** A deleted customer: only its id is left (Medusa's customer.deleted carries `{ id }`). */
const DeletedCustomer = z.object({ id: stringId });

/** What the Medusa plugin stores in the inbox under each topic: the records its subscriber loaded. */
export const MEDUSA_TOPICS = [
  "order.placed",
  "order.completed",
  "order.canceled",
  "refund",
  "customer.created",
  "customer.updated",
  "customer.deleted",
  "custom",
] as const;
export type MedusaTopic = (typeof MEDUSA_TOPICS)[number];

/** An inbox row of the Medusa plugin (topic + the JSON of the loaded record) → Kinship intents. */
export function mapMedusa(topic: string, rawBody: string): Mapped {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch (e) {
    throw new MappingError(`medusa ${topic}: the stored record is not JSON (${(e as Error).message})`);
  }
  switch (topic as MedusaTopic) {
    case "order.placed":
    case "order.completed":
      return mapMedusaOrder(body);
    case "order.canceled":
      return mapMedusaCancel(body);
    case "refund":
      return mapMedusaRefund(body);
    case "customer.created":
      return mapMedusaCustomer(body, true);
    case "customer.updated":
      return mapMedusaCustomer(body, false);
    case "customer.deleted":
      return { kind: "redact", customerId: read(DeletedCustomer, body, "medusa deleted customer").id };
    case "custom":
      return mapCustom(rawBody);
    default:
      return { kind: "ignore", reason: `medusa topic ${topic} is not one Kinship uses` };
  }
}
