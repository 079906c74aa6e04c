/** Events out: signed outbound webhooks per program. */
export const webhooksAdminSdl = /* GraphQL */ `
  type WebhookEndpoint {
    id: ID!
    url: String!
    "Event topics delivered (see eventTopics)."
    topics: [String!]!
    description: String
    enabled: Boolean!
    createdAt: DateTime!
  }

  "The signing secret is shown once, when made or rotated."
  type WebhookEndpointWithSecret {
    endpoint: WebhookEndpoint!
    secret: String!
  }

  enum DeliveryStatus {
    "Waiting for its first attempt, or for an earlier event of the same member."
    PENDING
    "Failed; another attempt is due at nextAttemptAt."
    RETRYING
    DELIVERED
    "Failed every attempt: in the dead-letter list until replayed."
    DEAD
  }

  type WebhookDelivery {
    id: ID!
    endpointId: ID!
    eventId: ID!
    topic: String!
    customerId: ID
    status: DeliveryStatus!
    attempts: Int!
    "The receiver's last HTTP status; null when it timed out or could not be reached."
    lastStatus: Int
    lastError: String
    nextAttemptAt: DateTime
    deliveredAt: DateTime
    createdAt: DateTime!
    payload: JSON!
  }

  type WebhookDeliveryPage {
    deliveries: [WebhookDelivery!]!
    nextCursor: String
  }

  extend type Query {
    "Every topic an endpoint can subscribe to."
    eventTopics: [String!]!
    webhookEndpoints: [WebhookEndpoint!]!
    "Newest first; status DEAD is the dead-letter list."
    webhookDeliveries(endpointId: ID, status: DeliveryStatus, first: Int = 50, after: String): WebhookDeliveryPage!
  }

  extend type Mutation {
    """
    An https URL (http only to localhost); topics from eventTopics. Audited. A retry under the same
    idempotencyKey answers the endpoint it made, with its secret, instead of making a second one.
    """
    createWebhookEndpoint(url: String!, topics: [String!]!, description: String, idempotencyKey: String): WebhookEndpointWithSecret!
    updateWebhookEndpoint(id: ID!, url: String, topics: [String!], description: String, enabled: Boolean): WebhookEndpoint!
    "Its pending deliveries are dropped."
    deleteWebhookEndpoint(id: ID!): Boolean!
    "A retry under the key of the last rotation answers the secret it made (not a third one)."
    rotateWebhookSecret(id: ID!, idempotencyKey: String): WebhookEndpointWithSecret!
    "Puts DEAD deliveries of this program back in line; answers how many. A retry requeues nothing more."
    replayWebhookDeliveries(ids: [ID!]!): Int!
  }
`;
