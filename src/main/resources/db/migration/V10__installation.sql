-- What makes this installation's Slack posts its own: a random id, made once by the first Warroom
-- that starts on this database (one row, singleton = 1). It is part of the key each post carries in
-- its metadata, so that looking for a post whose answer was lost finds ours only, never a staging
-- install's post to the same channel with the same outbox number.
CREATE TABLE installation (
    singleton  INT PRIMARY KEY,
    id         VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT installation_one_row CHECK (singleton = 1)
);
