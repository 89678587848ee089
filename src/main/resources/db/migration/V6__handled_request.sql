-- Requests Slack may send again that must change things once: a modal submitted again after Slack
-- gave up waiting for the first answer (the modal keeps its id, so its submissions share a key).
CREATE TABLE handled_request (
    request_key VARCHAR(255) PRIMARY KEY,
    handled_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
