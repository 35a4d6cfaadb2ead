-- Schema version 4: the rules library. A department's rule workflows by name: the draft being edited (with the
-- named input cases it is tried on) and its published, immutable versions, which flows follow or pin.

CREATE TABLE rule_workflows (
    department   TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    description  TEXT    NULL,
    draft        TEXT    NOT NULL,
    test_cases   TEXT    NULL,
    created_by   TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_by   TEXT    NOT NULL,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (department, name)
);

CREATE TABLE rule_workflow_versions (
    department  TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    version     INTEGER NOT NULL CHECK (version >= 1),
    json        TEXT    NOT NULL,
    author      TEXT    NOT NULL,
    comment     TEXT    NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (department, name, version),
    FOREIGN KEY (department, name) REFERENCES rule_workflows (department, name) ON DELETE CASCADE
);
