import { bridge } from "./bridge.ts";

/**
 * Shows an App Bridge toast (`shopify.toast.show`); the dev sign-in's shim answers the same call.
 * Screens call this instead of Polaris's Toast, which App Bridge replaces inside the Shopify admin.
 */
export function toast(message: string, options: { isError?: boolean; duration?: number } = {}): void {
  bridge().toast.show(message, { isError: options.isError ?? false, duration: options.duration ?? 5000 });
}
