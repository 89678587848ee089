-- The Slack message an incident was declared from (the "Declare incident" message shortcut):
-- written once per incident, with the thread reply and the war-room line it asks for.
CREATE TABLE incident_origin (
    incident_id BIGINT       PRIMARY KEY,
    channel_id  VARCHAR(32)  NOT NULL,
    message_ts  VARCHAR(32)  NOT NULL,
    permalink   VARCHAR(1000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
