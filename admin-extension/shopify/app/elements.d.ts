import type { DetailedHTMLProps, HTMLAttributes } from "react";

/** App Bridge's web components, as the shell renders them (App Bridge, or the dev shim, defines them). */
type UiElement<Extra = object> = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & Extra;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "ui-nav-menu": UiElement;
      "ui-save-bar": UiElement;
      "ui-modal": UiElement<{ variant?: "small" | "base" | "large" | "max" }>;
      "ui-title-bar": UiElement<{ title?: string }>;
    }
  }
}
