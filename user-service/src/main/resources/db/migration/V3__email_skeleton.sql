-- The UTS #39 confusable skeleton of the email (see EmailAddresses): two addresses that look the same,
-- such as one with a Cyrillic 'а' for a Latin 'a', have one skeleton, and the unique index lets only
-- one of them exist. The application computes it (PostgreSQL has no confusables data): for new rows
-- on insert, for rows that existed before by migration 3.1 (EmailSkeletonBackfill). It stays NULL
-- only on an older row whose skeleton an even older row already had; PostgreSQL's unique index
-- allows any number of NULLs.
ALTER TABLE account ADD COLUMN email_skeleton text
    CONSTRAINT account_email_skeleton_length CHECK (octet_length(email_skeleton) <= 1000);
CREATE UNIQUE INDEX account_email_skeleton_key ON account (email_skeleton);
