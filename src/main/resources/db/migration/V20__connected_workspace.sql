-- The Slack workspaces a Warroom connected to with this database (a row once auth.test succeeded
-- with a real token). The sandbox refuses a database that has one: it would sweep real rooms.
CREATE TABLE connected_workspace (
    team_id      VARCHAR(64) PRIMARY KEY,
    connected_at TIMESTAMP WITH TIME ZONE NOT NULL
);
