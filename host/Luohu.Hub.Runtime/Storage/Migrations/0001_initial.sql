-- Luohu Hub embedded store, schema version 1 (SQLite dialect).
-- Timestamps are INTEGER unix milliseconds, UTC. Enum-like columns are lower-case text.

CREATE TABLE plugin_settings (
    plugin_id          TEXT    NOT NULL PRIMARY KEY,
    enabled            INTEGER NOT NULL,
    quarantine_reason  TEXT    NULL,
    updated_at         INTEGER NOT NULL
);

CREATE TABLE plugin_state (
    plugin_id   TEXT    NOT NULL,
    key         TEXT    NOT NULL,
    value       TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (plugin_id, key)
) WITHOUT ROWID;

CREATE TABLE flows (
    id           TEXT    NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL,
    department   TEXT    NOT NULL,
    description  TEXT    NULL,
    json         TEXT    NOT NULL,
    created_by   TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_by   TEXT    NOT NULL,
    updated_at   INTEGER NOT NULL
);

CREATE INDEX ix_flows_department ON flows (department, id);

CREATE TABLE flow_versions (
    flow_id     TEXT    NOT NULL REFERENCES flows (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL CHECK (version >= 1),
    json        TEXT    NOT NULL,
    author      TEXT    NOT NULL,
    comment     TEXT    NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (flow_id, version)
);

-- At most one row per flow: the version that runs.
CREATE TABLE flow_deployments (
    flow_id      TEXT    NOT NULL PRIMARY KEY REFERENCES flows (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    deployed_by  TEXT    NOT NULL,
    deployed_at  INTEGER NOT NULL,
    FOREIGN KEY (flow_id, version) REFERENCES flow_versions (flow_id, version) ON DELETE CASCADE
);

CREATE TABLE deploys (
    id       INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    flow_id  TEXT    NOT NULL REFERENCES flows (id) ON DELETE CASCADE,
    version  INTEGER NULL,
    action   TEXT    NOT NULL CHECK (action IN ('deploy', 'rollback', 'undeploy')),
    author   TEXT    NOT NULL,
    at       INTEGER NOT NULL
);

CREATE INDEX ix_deploys_flow ON deploys (flow_id, id);

-- No foreign key to flows: node state is written by running flows and removed with the flow explicitly.
CREATE TABLE node_state (
    flow_id     TEXT    NOT NULL,
    node_id     TEXT    NOT NULL,
    json        TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (flow_id, node_id)
) WITHOUT ROWID;

-- No foreign key to flows either: dead letters outlive a deleted flow.
CREATE TABLE dead_letters (
    id                 TEXT    NOT NULL PRIMARY KEY,
    flow_id            TEXT    NOT NULL,
    node_id            TEXT    NULL,
    message_id         TEXT    NOT NULL,
    topic              TEXT    NOT NULL,
    payload            TEXT    NOT NULL,
    headers            TEXT    NOT NULL,
    source             TEXT    NOT NULL,
    message_timestamp  INTEGER NOT NULL,
    reason             TEXT    NOT NULL,
    error              TEXT    NULL,
    at                 INTEGER NOT NULL,
    replay_count       INTEGER NOT NULL DEFAULT 0,
    state              TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'replayed', 'discarded'))
);

CREATE INDEX ix_dead_letters_flow_state ON dead_letters (flow_id, state, at);
CREATE INDEX ix_dead_letters_state ON dead_letters (state, at);
