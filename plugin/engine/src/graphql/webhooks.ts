import type { Admin } from "./admin-context.ts";
import { ApiError } from "./errors.ts";
import type { Resolvers } from "./execute.ts";

// CONTRACT PLACEHOLDER: replaced by the events out work; every root field below must be implemented.
const notYet = () => {
  throw new ApiError("NOT_IMPLEMENTED", "not implemented yet");
};

export const webhooksAdminResolvers: Resolvers<Admin> = {
  Query: { eventTopics: notYet, webhookEndpoints: notYet, webhookDeliveries: notYet },
  Mutation: {
    createWebhookEndpoint: notYet,
    updateWebhookEndpoint: notYet,
    deleteWebhookEndpoint: notYet,
    rotateWebhookSecret: notYet,
    replayWebhookDeliveries: notYet,
  },
};
