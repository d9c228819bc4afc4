-- ISO 4217 currencies, ISO 3166-1 countries and major cities (GeoNames).
-- STRICT tables: SQLite rejects values that do not fit the declared type.

CREATE TABLE currency (
    code          TEXT PRIMARY KEY CHECK (length(code) = 3 AND code GLOB '[A-Z][A-Z][A-Z]'),
    numeric_code  TEXT NOT NULL UNIQUE CHECK (numeric_code GLOB '[0-9][0-9][0-9]'),
    name          TEXT NOT NULL CHECK (length(name) > 0),
    -- NULL where ISO 4217 says "N.A." (precious metals, funds, testing codes).
    minor_units   INTEGER CHECK (minor_units BETWEEN 0 AND 4)
) STRICT;

CREATE TABLE country (
    alpha2        TEXT PRIMARY KEY CHECK (alpha2 GLOB '[A-Z][A-Z]'),
    alpha3        TEXT NOT NULL UNIQUE CHECK (alpha3 GLOB '[A-Z][A-Z][A-Z]'),
    numeric_code  TEXT NOT NULL UNIQUE CHECK (numeric_code GLOB '[0-9][0-9][0-9]'),
    name          TEXT NOT NULL CHECK (length(name) > 0),
    calling_code  TEXT CHECK (calling_code GLOB '+[0-9]*'),
    -- NULL for territories without a currency of their own (Antarctica).
    currency_code TEXT REFERENCES currency (code)
) STRICT;

CREATE TABLE city (
    id            INTEGER PRIMARY KEY,
    country_code  TEXT NOT NULL REFERENCES country (alpha2),
    name          TEXT NOT NULL CHECK (length(name) > 0),
    population    INTEGER NOT NULL CHECK (population >= 0),
    time_zone     TEXT NOT NULL CHECK (time_zone LIKE '%/%' OR time_zone = 'UTC'),
    latitude      REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude     REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180)
) STRICT;

-- Cities of a country, largest first: the paging query reads this index in order.
CREATE INDEX city_by_country ON city (country_code, population DESC, id);

-- Facts about the built file itself (schema version, content checksum), written by the builder.
CREATE TABLE dataset_info (
    key           TEXT PRIMARY KEY,
    value         TEXT NOT NULL
) STRICT;
