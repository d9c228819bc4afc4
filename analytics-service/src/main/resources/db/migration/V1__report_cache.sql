-- Computed reports, keyed by their query. A row is good while its stamp equals the current stamp of
-- the days it covers (see AggregateVersions); read_at orders eviction.
CREATE TABLE report_cache (
    query     TEXT    NOT NULL PRIMARY KEY,
    stamp     TEXT    NOT NULL,
    body      TEXT    NOT NULL,
    stored_at INTEGER NOT NULL,
    read_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX report_cache_read_at ON report_cache (read_at);
