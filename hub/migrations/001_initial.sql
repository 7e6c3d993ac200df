-- Every event received, once: the Idempotency-Key is the primary key, so a retried delivery
-- finds its first copy. body_sha256 tells a retry (same body) from a conflict (other body).
CREATE TABLE events (
  id text PRIMARY KEY,
  type text NOT NULL,
  body_sha256 text NOT NULL,
  payload json NOT NULL,
  created_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_type_created ON events (type, created_at DESC);

-- The coaches' inbox: one row per gap flag, with what a coach did about it.
CREATE TABLE flags (
  id text PRIMARY KEY REFERENCES events (id),
  tool_id text NOT NULL,
  context text,
  kind text NOT NULL,
  created_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolved_at timestamptz,
  resolved_by text,
  resolution jsonb
);
CREATE INDEX flags_status_created ON flags (status, created_at DESC);

-- Teachers who offered to help; approved ones are the mentor directory.
CREATE TABLE volunteers (
  id text PRIMARY KEY REFERENCES events (id),
  created_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
  decided_at timestamptz,
  decided_by text
);

-- Messages waiting for the school's chat. A worker claims due rows with FOR UPDATE SKIP LOCKED,
-- so several Hub processes share the queue and each message goes out once per attempt.
CREATE TABLE forward_queue (
  id bigserial PRIMARY KEY,
  event_id text NOT NULL REFERENCES events (id),
  format text NOT NULL,
  url text NOT NULL,
  attempts int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  failed_at timestamptz,
  last_error text
);
CREATE INDEX forward_queue_due ON forward_queue (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;

-- Packs published from the studio, served to teachers' extensions.
CREATE TABLE packs (
  id text PRIMARY KEY,
  name text NOT NULL,
  version text NOT NULL,
  body json NOT NULL,
  etag text NOT NULL,
  card_count int NOT NULL,
  published_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Coach tokens, kept as SHA-256 hashes: the token itself is shown once, when it is made.
CREATE TABLE coach_tokens (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  token_sha256 text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
