-- Schema version 7: department secrets (webhook keys and shared secrets), encrypted with the hub's Data Protection
-- key ring and never shown back. Flows name a secret (`secretRef`); a secret written inline in an older flow is moved
-- here by this version's code step, in the clear until the hub's next start encrypts it (`plaintext` is then NULL).

CREATE TABLE department_secrets (
    department       TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    protected_value  TEXT    NULL,
    plaintext        TEXT    NULL,
    updated_by       TEXT    NOT NULL,
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (department, name),
    CHECK ((protected_value IS NULL) <> (plaintext IS NULL))
);
