-- Dated snapshots, not live quotes. Decimal values are kept as TEXT so that they are read back
-- exactly (java.math.BigDecimal), never through binary floating point; the checks admit only plain
-- decimals: digits with at most one inner point.

CREATE TABLE exchange_rate (
    currency_code TEXT PRIMARY KEY REFERENCES currency (code),
    -- How many units of the currency one euro buys.
    units_per_eur TEXT NOT NULL CHECK (units_per_eur GLOB '[0-9]*'
                                       AND units_per_eur NOT GLOB '*[^0-9.]*'
                                       AND units_per_eur NOT GLOB '*.*.*'
                                       AND units_per_eur NOT GLOB '*.'
                                       AND CAST(units_per_eur AS REAL) > 0),
    as_of         TEXT NOT NULL CHECK (date(as_of) = as_of),
    source        TEXT NOT NULL
) STRICT;

CREATE TABLE tax_rate (
    country_code  TEXT PRIMARY KEY REFERENCES country (alpha2),
    kind          TEXT NOT NULL CHECK (kind IN ('VAT', 'GST', 'SALES_TAX', 'CONSUMPTION_TAX')),
    -- Standard rate in percent, e.g. 19 or 7.7.
    standard_rate TEXT NOT NULL CHECK (standard_rate GLOB '[0-9]*'
                                       AND standard_rate NOT GLOB '*[^0-9.]*'
                                       AND standard_rate NOT GLOB '*.*.*'
                                       AND standard_rate NOT GLOB '*.'
                                       AND CAST(standard_rate AS REAL) > 0
                                       AND CAST(standard_rate AS REAL) < 100),
    as_of         TEXT NOT NULL CHECK (date(as_of) = as_of),
    source        TEXT NOT NULL
) STRICT;
