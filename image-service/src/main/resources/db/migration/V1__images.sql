-- image-service's pod-local state: the images this instance accepted, their variants, and the job
-- queue. Times are epoch milliseconds (INTEGER), so that lease and age comparisons are plain integer
-- comparisons. STRICT tables refuse values of the wrong type instead of storing them anyway.

CREATE TABLE images (
    id             TEXT    NOT NULL PRIMARY KEY,
    owner          TEXT    NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('QUEUED', 'PROCESSING', 'READY', 'FAILED')),
    file_name      TEXT    NOT NULL,
    format         TEXT    NOT NULL,
    width          INTEGER NOT NULL,
    height         INTEGER NOT NULL,
    size_bytes     INTEGER NOT NULL,
    failure_reason TEXT,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    version        INTEGER NOT NULL
) STRICT;

CREATE INDEX images_by_owner ON images (owner, created_at);

CREATE TABLE image_variants (
    image_id     TEXT    NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    size_bytes   INTEGER NOT NULL,
    etag         TEXT    NOT NULL,
    PRIMARY KEY (image_id, name)
) STRICT;

-- Pending work only: a job row is deleted when its image is READY or FAILED.
CREATE TABLE jobs (
    id           INTEGER NOT NULL PRIMARY KEY,
    image_id     TEXT    NOT NULL UNIQUE REFERENCES images (id) ON DELETE CASCADE,
    state        TEXT    NOT NULL CHECK (state IN ('QUEUED', 'RUNNING')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    available_at INTEGER NOT NULL,
    lease_owner  TEXT,
    lease_until  INTEGER,
    last_error   TEXT,
    created_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX jobs_claimable ON jobs (state, available_at);
CREATE INDEX jobs_leased ON jobs (state, lease_until);
