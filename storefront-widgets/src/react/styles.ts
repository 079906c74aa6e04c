import type { CSSProperties } from "react";

/**
 * Each widget's box, fixed before its data arrives so nothing moves when it does. Sizes are in em
 * so they follow the theme's font size.
 */
export const boxes = {
  badge: { display: "inline-flex", alignItems: "center", minWidth: "8em", minHeight: "1.75em", verticalAlign: "middle" },
  price: { display: "inline-block", minWidth: "6em", minHeight: "2.8em", lineHeight: 1.4 },
  points: { display: "inline-block", minWidth: "6em", minHeight: "1.4em", lineHeight: 1.4 },
  progress: { display: "block", minHeight: "3.2em", lineHeight: 1.4 },
  rewards: { display: "block", minHeight: "8em" },
  perks: { display: "block", minHeight: "8em" },
  membership: { display: "block", minHeight: "6em" },
  badges: { display: "block", minHeight: "4em" },
  stamps: { display: "block", minHeight: "4em" },
  referral: { display: "block", minHeight: "8em" },
  birthday: { display: "block", minHeight: "6em" },
} satisfies Record<string, CSSProperties>;

export const pill: CSSProperties = {
  display: "inline-flex",
  alignItems: "center",
  gap: "0.35em",
  padding: "0.15em 0.6em",
  borderRadius: "999px",
  fontSize: "0.875em",
  fontWeight: 600,
};

/** Read by screen readers, not shown. */
export const visuallyHidden: CSSProperties = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
};

/** Small, in the text colour (no fading: it must keep its contrast on any theme). */
export const note: CSSProperties = { display: "block", fontSize: "0.75em" };

/** Focus must stay visible even on themes that reset outlines. */
export const buttonCss =
  ".kinship-button{font:inherit;cursor:pointer;padding:.4em 1em;border:1px solid currentColor;border-radius:4px;background:transparent;color:inherit}" +
  ".kinship-button:focus-visible{outline:3px solid #2563eb;outline-offset:2px}" +
  ".kinship-button:disabled{cursor:not-allowed;opacity:.55}";

/** A plain list, one item a line. */
export const list: CSSProperties = { listStyle: "none", padding: 0, margin: 0 };

export const row: CSSProperties = { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "0.25em 0.75em", padding: "0.35em 0" };
