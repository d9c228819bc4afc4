-- Accounts of customers and administrators. Emails are stored in lower case, which makes the
-- unique constraint case-insensitive.
CREATE TABLE account (
    id                 uuid PRIMARY KEY,
    email              varchar(254) NOT NULL CONSTRAINT account_email_key UNIQUE,
    password_hash      varchar(100) NOT NULL,
    display_name       varchar(100) NOT NULL,
    country_code       varchar(2)   NOT NULL,
    city_id            bigint,
    preferred_currency varchar(3)   NOT NULL,
    status             varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    settings           jsonb        NOT NULL,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    version            bigint       NOT NULL,
    CONSTRAINT account_email_lower_case CHECK (email = lower(email))
);

-- The admin listing filters by email prefix (LIKE 'prefix%') and by country.
CREATE INDEX account_email_prefix ON account (email text_pattern_ops);
CREATE INDEX account_country ON account (country_code, email);

CREATE TABLE account_role (
    account_id uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role       varchar(16) NOT NULL CHECK (role IN ('CUSTOMER', 'ADMIN')),
    PRIMARY KEY (account_id, role)
);
