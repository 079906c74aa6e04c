/**
 * Shows an App Bridge toast (`shopify.toast.show`); the dev sign-in's shim answers the same call.
 * Screens call this instead of Polaris's Toast, which App Bridge replaces inside the Shopify admin.
 */
export function toast(message: string, options: { isError?: boolean; duration?: number } = {}): void {
  const bridge = (globalThis as { shopify?: { toast?: { show: (m: string, o?: object) => unknown } } }).shopify;
  if (!bridge?.toast) {
    console.warn(`[kinship] no App Bridge to show the toast: ${message}`);
    return;
  }
  bridge.toast.show(message, { isError: options.isError ?? false, duration: options.duration ?? 5000 });
}
