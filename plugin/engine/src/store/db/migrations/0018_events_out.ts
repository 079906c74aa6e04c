/**
 * Events out. A sink is where a program's events go: a webhook endpoint (url and signing secret,
 * sealed with the token key when the engine has one), Shopify Flow, or Medusa's event bus (at most
 * one of each platform kind per program). Each event topic row inserted into kinship_outbox is
 * copied, by a trigger in the inserting transaction, into one delivery per enabled sink subscribed
 * to its topic — for decisions and for set-based jobs (expiry) alike — so every sink has its own
 * status, attempts and lease and no consumer takes rows from another. `event_id` is the outbox id:
 * the order a member's events are delivered in. Internal topics (points.changed, member.created)
 * never match a sink, whose topics are checked against the event topics when it is saved.
 *
 * The outbox's own consumers (the Shopify sync, Medusa's tier groups) read only member.created,
 * tier.changed, points.changed and points.expired; a row of any other topic is carried by its
 * event deliveries alone, so it is inserted as delivered and never sits in the undelivered index
 * those consumers scan.
 */
export const sql = `
CREATE TABLE kinship_event_sink (
  id bigserial PRIMARY KEY,
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('webhook', 'flow', 'medusa')),
  url text,
  secret text,
  topics text[] NOT NULL,
  description text,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((kind = 'webhook') = (url IS NOT NULL AND secret IS NOT NULL))
);
CREATE UNIQUE INDEX kinship_event_sink_platform ON kinship_event_sink (program_id, kind) WHERE kind <> 'webhook';
CREATE INDEX kinship_event_sink_program ON kinship_event_sink (program_id, id);

CREATE TABLE kinship_event_delivery (
  id bigserial PRIMARY KEY,
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  sink_id bigint NOT NULL REFERENCES kinship_event_sink(id) ON DELETE CASCADE,
  event_id bigint NOT NULL,
  event_key text NOT NULL,
  topic text NOT NULL,
  customer_id text,
  payload jsonb NOT NULL,
  occurred_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'retrying', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  claim_token text,
  claimed_until timestamptz,
  last_status integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL,
  UNIQUE (sink_id, event_key)
);
CREATE INDEX kinship_event_delivery_due ON kinship_event_delivery (program_id, event_id) WHERE status IN ('pending', 'retrying');
CREATE INDEX kinship_event_delivery_member ON kinship_event_delivery (sink_id, customer_id, event_id) WHERE status IN ('pending', 'retrying');
CREATE INDEX kinship_event_delivery_log ON kinship_event_delivery (program_id, id);
CREATE INDEX kinship_event_delivery_sink_log ON kinship_event_delivery (sink_id, id);

CREATE FUNCTION kinship_event_fanout() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN INSERT INTO kinship_event_delivery (program_id, sink_id, event_id, event_key, topic, customer_id, payload, occurred_at, next_attempt_at, created_at) SELECT NEW.program_id, s.id, NEW.id, NEW.key, NEW.topic, NEW.payload->>'customerId', NEW.payload, NEW.created_at, NEW.created_at, NEW.created_at FROM kinship_event_sink s WHERE s.program_id = NEW.program_id AND s.enabled AND NEW.topic = ANY(s.topics) ON CONFLICT (sink_id, event_key) DO NOTHING; RETURN NULL; END $fn$;
CREATE FUNCTION kinship_outbox_handed_over() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN NEW.delivered_at := coalesce(NEW.delivered_at, NEW.created_at); RETURN NEW; END $fn$;
CREATE TRIGGER kinship_outbox_handed_over BEFORE INSERT ON kinship_outbox FOR EACH ROW WHEN (NEW.topic NOT IN ('member.created', 'tier.changed', 'points.changed', 'points.expired')) EXECUTE FUNCTION kinship_outbox_handed_over();
CREATE TRIGGER kinship_outbox_events_out AFTER INSERT ON kinship_outbox FOR EACH ROW WHEN (NEW.topic NOT IN ('points.changed', 'member.created')) EXECUTE FUNCTION kinship_event_fanout();
`;
