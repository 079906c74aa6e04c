/** The demo store's catalog: 50 products, one variant each, with Shopify-looking numeric ids. */
export interface DemoProduct {
  productId: string;
  variantId: string;
  title: string;
  collection: "outerwear" | "home" | "accessories";
  /** Minor units (cents). */
  price: number;
  /** A swatch colour for the product tile (no images in the demo). */
  color: string;
}

const ITEMS: { name: string; collection: DemoProduct["collection"]; base: number }[] = [
  { name: "Wool Coat", collection: "outerwear", base: 18900 },
  { name: "Rain Jacket", collection: "outerwear", base: 12900 },
  { name: "Quilted Vest", collection: "outerwear", base: 8900 },
  { name: "Linen Shirt", collection: "accessories", base: 4900 },
  { name: "Canvas Tote", collection: "accessories", base: 2900 },
  { name: "Scarf", collection: "accessories", base: 3500 },
  { name: "Beanie", collection: "accessories", base: 2400 },
  { name: "Desk Lamp", collection: "home", base: 12900 },
  { name: "Mug", collection: "home", base: 1800 },
  { name: "Throw Blanket", collection: "home", base: 7900 },
];
const MATERIALS = ["Classic", "Heather", "Oat", "Indigo", "Moss"];
const COLORS = ["#e7e5e4", "#cbd5e1", "#e9dcc9", "#c7d2fe", "#cfe3d2"];

export const DEMO_CURRENCY = "USD";

export const DEMO_CATALOG: readonly DemoProduct[] = MATERIALS.flatMap((material, m) =>
  ITEMS.map((item, i) => {
    const n = m * ITEMS.length + i;
    return {
      productId: String(8_300_000_000_000 + n),
      variantId: String(44_700_000_000_000 + n),
      title: `${material} ${item.name}`,
      collection: item.collection,
      // 0 to 20 dollars above the base, so the grid shows different amounts.
      price: item.base + ((m * 3 + i) % 5) * 500,
      color: COLORS[m] ?? "#e7e5e4",
    };
  }),
);

/** The catalog as the engine stores it (upsertVariants). */
export function demoVariants() {
  return DEMO_CATALOG.map((p) => ({
    variantId: p.variantId,
    productId: p.productId,
    collectionIds: [p.collection],
    price: p.price,
    currency: DEMO_CURRENCY,
  }));
}
