-- Invitations: an admin invites a colleague (or gives a fresh access link to one who forgot the
-- password); the link's token sets the account's password once. PostgreSQL flavour; the sqlite
-- file is the same schema. Only the token's SHA-256 is stored.
CREATE TABLE staff_invitations (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    BIGINT NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX staff_invitations_user ON staff_invitations (user_id);
