-- Schema version 6: the outbox. One row per intended call of a capability that changes the world (credit.settle),
-- written before the call and updated with its result after; the key is the idempotency key the provider sees.

CREATE TABLE outbox (
    key              TEXT    NOT NULL PRIMARY KEY,
    capability       TEXT    NOT NULL,
    flow_id          TEXT    NOT NULL,
    flow_version     INTEGER NOT NULL,
    node_id          TEXT    NOT NULL,
    message_id       TEXT    NOT NULL,
    department       TEXT    NULL,
    provider         TEXT    NULL,
    correlation_id   TEXT    NOT NULL,
    input            TEXT    NOT NULL,
    state            TEXT    NOT NULL CHECK (state IN ('pending', 'completed', 'failed', 'resolved')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    result           TEXT    NULL,
    last_error       TEXT    NULL,
    resolved_by      TEXT    NULL,
    resolution_note  TEXT    NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);

CREATE INDEX outbox_state ON outbox (state, updated_at);
CREATE INDEX outbox_created ON outbox (created_at);
