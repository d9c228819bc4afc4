-- Orders, their lines and payments, the durable idempotency records and the outbox: everything a
-- checkout writes, in one database, so that it commits in one transaction or not at all.
-- Amounts are exact decimals in the order's currency (scale 3 covers every ISO 4217 currency with
-- minor units); *_eur columns hold the same amounts in euros.

CREATE TABLE orders (
    id                 uuid          PRIMARY KEY,
    user_id            uuid          NOT NULL,
    status             varchar(20)   NOT NULL CHECK (status IN
                           ('PAYMENT_PENDING', 'PLACED', 'DECLINED', 'PAYMENT_FAILED', 'CANCELLED')),
    reservation_id     varchar(64)   NOT NULL CONSTRAINT orders_reservation_key UNIQUE,
    -- PLACED orders whose reservation product-service has not confirmed yet (retried by a job).
    stock_confirmed    boolean       NOT NULL,
    currency           varchar(3)    NOT NULL,
    subtotal           numeric(19,3) NOT NULL CHECK (subtotal >= 0),
    tax                numeric(19,3) NOT NULL CHECK (tax >= 0),
    total              numeric(19,3) NOT NULL CHECK (total = subtotal + tax),
    subtotal_eur       numeric(19,2) NOT NULL CHECK (subtotal_eur >= 0),
    tax_eur            numeric(19,2) NOT NULL CHECK (tax_eur >= 0),
    total_eur          numeric(19,2) NOT NULL CHECK (total_eur = subtotal_eur + tax_eur),
    tax_rate           numeric(7,4)  NOT NULL CHECK (tax_rate >= 0 AND tax_rate < 100),
    units_per_eur      numeric(24,10) NOT NULL CHECK (units_per_eur > 0),
    rates_as_of        date,
    ship_name          varchar(100)  NOT NULL,
    ship_line1         varchar(200)  NOT NULL,
    ship_line2         varchar(200),
    ship_city          varchar(100)  NOT NULL,
    ship_postal_code   varchar(20)   NOT NULL,
    ship_country       varchar(2)    NOT NULL,
    cancel_reason      varchar(200),
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    version            bigint        NOT NULL
);

-- "My orders", newest first; the admin listing filters by status and country.
CREATE INDEX orders_user_created ON orders (user_id, created_at DESC, id);
CREATE INDEX orders_status_created ON orders (status, created_at DESC, id);
CREATE INDEX orders_created ON orders (created_at DESC, id);
-- The jobs' work lists stay small and cheap to scan.
CREATE INDEX orders_unconfirmed ON orders (updated_at) WHERE status = 'PLACED' AND NOT stock_confirmed;
CREATE INDEX orders_payment_pending ON orders (updated_at) WHERE status = 'PAYMENT_PENDING';

CREATE TABLE order_line (
    order_id        uuid          NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_number     integer       NOT NULL CHECK (line_number >= 1),
    product_id      varchar(24)   NOT NULL CHECK (product_id ~ '^[0-9a-f]{24}$'),
    sku             varchar(64)   NOT NULL,
    name            varchar(200)  NOT NULL,
    category        varchar(64)   NOT NULL,
    quantity        integer       NOT NULL CHECK (quantity >= 1),
    unit_price      numeric(19,3) NOT NULL CHECK (unit_price >= 0),
    unit_price_eur  numeric(19,2) NOT NULL CHECK (unit_price_eur >= 0),
    PRIMARY KEY (order_id, line_number),
    CONSTRAINT order_line_product_once UNIQUE (order_id, product_id)
);

CREATE TABLE payment (
    id                  uuid          PRIMARY KEY,
    order_id            uuid          NOT NULL CONSTRAINT payment_order_key UNIQUE REFERENCES orders (id),
    status              varchar(20)   NOT NULL CHECK (status IN
                            ('AUTHORISED', 'DECLINED', 'UNKNOWN', 'FAILED', 'REFUNDED', 'VOIDED')),
    amount              numeric(19,3) NOT NULL CHECK (amount >= 0),
    currency            varchar(3)    NOT NULL,
    -- The provider's reference of the authorisation; never the card number.
    provider_reference  varchar(100),
    card_brand          varchar(20)   NOT NULL,
    card_last4          varchar(4)    NOT NULL CHECK (card_last4 ~ '^[0-9]{4}$'),
    decline_reason      varchar(100),
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    version             bigint        NOT NULL
);

-- The record that decides "never a second order": one per user and key, written in the checkout's
-- transaction. A retry with the same key finds it and gets the stored response back.
CREATE TABLE idempotency_record (
    user_id          uuid         NOT NULL,
    idempotency_key  varchar(255) NOT NULL,
    request_hash     varchar(64)  NOT NULL,
    order_id         uuid         REFERENCES orders (id),
    response_status  integer      NOT NULL CHECK (response_status BETWEEN 200 AND 599),
    response_body    text         NOT NULL,
    created_at       timestamptz  NOT NULL,
    expires_at       timestamptz  NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);

CREATE INDEX idempotency_record_expiry ON idempotency_record (expires_at);

-- Events waiting for the relay, written in the same transaction as the change they describe.
CREATE TABLE outbox_event (
    id             uuid         PRIMARY KEY,
    aggregate_id   uuid         NOT NULL,
    type           varchar(100) NOT NULL,
    payload        text         NOT NULL,
    traceparent    varchar(55),
    tracestate     varchar(512),
    created_at     timestamptz  NOT NULL,
    published_at   timestamptz,
    attempts       integer      NOT NULL DEFAULT 0
);

CREATE INDEX outbox_event_unpublished ON outbox_event (created_at, id) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
