-- Schema version 2: departments, users, API keys, grants, the append-only audit log, plugin setting values.
-- Lists (roles, departments, device groups) are JSON arrays of strings: small, read whole, never queried inside.

CREATE TABLE departments (
    id          TEXT    NOT NULL PRIMARY KEY,
    name_zh     TEXT    NOT NULL,
    name_en     TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE users (
    name            TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
    display_name    TEXT    NOT NULL,
    password_hash   TEXT    NOT NULL,
    roles           TEXT    NOT NULL,
    failed_count    INTEGER NOT NULL DEFAULT 0,
    lockout_end     INTEGER NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);

CREATE TABLE user_departments (
    user_name      TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    department_id  TEXT NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
    PRIMARY KEY (user_name, department_id)
) WITHOUT ROWID;

CREATE TABLE api_keys (
    id            TEXT    NOT NULL PRIMARY KEY,
    name          TEXT    NOT NULL,
    prefix        TEXT    NOT NULL UNIQUE,
    secret_hash   TEXT    NOT NULL,
    owner         TEXT    NOT NULL,
    departments   TEXT    NOT NULL,
    roles         TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NULL,
    revoked_at    INTEGER NULL,
    last_used_at  INTEGER NULL
);

CREATE TABLE grants (
    id             TEXT    NOT NULL PRIMARY KEY,
    department_id  TEXT    NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
    kind           TEXT    NOT NULL CHECK (kind IN ('capability', 'stream')),
    target         TEXT    NOT NULL,
    device_groups  TEXT    NULL,
    created_by     TEXT    NOT NULL,
    created_at     INTEGER NOT NULL
);

CREATE INDEX ix_grants_department ON grants (department_id, kind);

CREATE TABLE audit (
    sequence     INTEGER NOT NULL PRIMARY KEY,
    at           INTEGER NOT NULL,
    actor        TEXT    NOT NULL,
    actor_kind   TEXT    NOT NULL,
    remote_ip    TEXT    NULL,
    action       TEXT    NOT NULL,
    target       TEXT    NULL,
    outcome      TEXT    NOT NULL,
    before_json  TEXT    NULL,
    after_json   TEXT    NULL,
    detail       TEXT    NULL,
    prev_hash    TEXT    NOT NULL,
    hash         TEXT    NOT NULL
);

CREATE INDEX ix_audit_action ON audit (action, sequence);
CREATE INDEX ix_audit_actor ON audit (actor, sequence);
CREATE INDEX ix_audit_at ON audit (at);

-- Append-only: the hash chain detects tampering, these make it take deliberate effort (dropping a trigger).
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be deleted');
END;

CREATE TABLE plugin_setting_values (
    plugin_id        TEXT    NOT NULL,
    key              TEXT    NOT NULL,
    value            TEXT    NULL,
    protected_value  TEXT    NULL,
    is_secret        INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (plugin_id, key)
) WITHOUT ROWID;
