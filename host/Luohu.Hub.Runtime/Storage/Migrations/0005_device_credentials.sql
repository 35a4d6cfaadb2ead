-- Schema version 5: MQTT device credentials a department issues for its devices (the embedded broker's sign-in).
-- The secret is random (256 bits) and stored as its SHA-256 only; publish is a JSON array of topic filters.

CREATE TABLE device_credentials (
    id           TEXT    NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL,
    department   TEXT    NOT NULL REFERENCES departments (id),
    publish      TEXT    NOT NULL,
    secret_hash  TEXT    NOT NULL,
    created_by   TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    revoked_at   INTEGER NULL
);

CREATE INDEX device_credentials_department ON device_credentials (department);
