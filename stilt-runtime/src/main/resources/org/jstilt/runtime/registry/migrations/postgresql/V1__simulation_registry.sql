-- JSTILT simulation registry, schema version 1 (PostgreSQL).
-- Ids, scenes and names use the "C" collation, so that id order (claim order, paging) is the same as in
-- SQLite whatever the database's locale. Times are epoch milliseconds (UTC). Every update of a
-- simulation row increments revision, which reconciliation uses for optimistic concurrency.
CREATE TABLE simulation (
  id                  TEXT    COLLATE "C" NOT NULL PRIMARY KEY,
  met                 TEXT    NOT NULL,
  receptor            TEXT    NOT NULL,
  scene               TEXT    COLLATE "C",
  engine              TEXT    NOT NULL,
  state               TEXT    NOT NULL
    CHECK (state IN ('pending', 'running', 'complete', 'complete-empty', 'failed')),
  attempts            INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  not_before_ms       BIGINT  NOT NULL DEFAULT 0,
  failure_category    TEXT,
  failure_message     TEXT,
  failure_retryable   INTEGER,
  empty_reason        TEXT,
  registered_at_ms    BIGINT  NOT NULL,
  updated_at_ms       BIGINT  NOT NULL,
  started_at_ms       BIGINT,
  finished_at_ms      BIGINT,
  host                TEXT,
  lease_token         TEXT,
  lease_owner         TEXT,
  lease_expires_at_ms BIGINT,
  revision            BIGINT  NOT NULL DEFAULT 0,
  CHECK ((state = 'running') = (lease_token IS NOT NULL)),
  CHECK ((lease_token IS NULL) = (lease_owner IS NULL) AND (lease_token IS NULL) = (lease_expires_at_ms IS NULL))
);
-- The claim scans pending rows in id order; counts group by state.
CREATE INDEX simulation_state_id ON simulation (state, id);
CREATE INDEX simulation_scene_state ON simulation (scene, state);

CREATE TABLE simulation_footprint (
  simulation_id TEXT COLLATE "C" NOT NULL REFERENCES simulation (id) ON DELETE CASCADE,
  name          TEXT COLLATE "C" NOT NULL,
  outcome       TEXT CHECK (outcome IN ('written', 'empty')),
  empty_reason  TEXT,
  PRIMARY KEY (simulation_id, name),
  CHECK (empty_reason IS NULL OR outcome = 'empty')
);
