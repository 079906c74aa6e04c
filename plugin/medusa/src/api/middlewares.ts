import { authenticate, defineMiddlewares } from "@medusajs/framework/http";

export default defineMiddlewares({
  routes: [
    {
      // Shoppers may be signed in (session or bearer) or guests; Medusa still requires the publishable key.
      matcher: "/store/kinship/graphql",
      method: ["POST"],
      middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
    },
    {
      // Signed custom events: the signature covers the exact bytes sent.
      matcher: "/hooks/kinship/events",
      method: ["POST"],
      bodyParser: { preserveRawBody: true },
    },
  ],
});
