-- The product category tree shared by product-service (catalogue) and analytics-service (reports).

CREATE TABLE category (
    slug          TEXT PRIMARY KEY CHECK (length(slug) <= 64
                                          AND slug GLOB '[a-z0-9]*'
                                          AND slug NOT GLOB '*[^a-z0-9-]*'
                                          AND slug NOT GLOB '*--*'
                                          AND slug NOT GLOB '*-'),
    name          TEXT NOT NULL CHECK (length(name) > 0),
    parent_slug   TEXT REFERENCES category (slug) CHECK (parent_slug IS NULL OR parent_slug <> slug)
) STRICT;

CREATE INDEX category_by_parent ON category (parent_slug, slug);
