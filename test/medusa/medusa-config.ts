import { defineConfig, loadEnv } from "@medusajs/framework/utils";

loadEnv(process.env.NODE_ENV || "development", process.cwd());

/** The test store: Medusa on the run's own Postgres database, with Kinship installed as a plugin. */
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "kinship-test-jwt-secret",
      cookieSecret: process.env.COOKIE_SECRET || "kinship-test-cookie-secret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLE === "true",
  },
  plugins: [
    {
      resolve: "@kinship/medusa",
      options: {
        program: "kinship-test-store",
        currency: "usd",
        storefrontUrl: "https://shop.example.com/",
        // The e2e suite boots a second store with these set to test the other options.
        ...(process.env.KINSHIP_EARN_ON ? { earnOn: process.env.KINSHIP_EARN_ON } : {}),
        ...(process.env.KINSHIP_REVERSE_ON ? { reverseOn: process.env.KINSHIP_REVERSE_ON } : {}),
      },
    },
  ],
});
