-- Schema version 8: which plugin serves a capability and which one runs in shadow, as ops chose them
-- (PUT /api/v1/vendors/{capability}); a capability without a row is served by the configured preference.

CREATE TABLE vendor_choices (
    capability  TEXT    NOT NULL PRIMARY KEY,
    serving     TEXT    NULL,
    shadow      TEXT    NULL,
    updated_by  TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL
);
