import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "plugin/**/test/**/*.test.ts",
      "test/**/*.test.ts",
      "webhooks/**/test/**/*.test.ts",
      "storefront-widgets/**/test/**/*.test.{ts,tsx}",
      "admin-extension/**/test/**/*.test.{ts,tsx}",
    ],
    exclude: ["**/node_modules/**", "**/dist/**"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
