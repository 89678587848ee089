-- One "handled once" ledger for what used to be two tables of the same kind: handled_request
-- (signed requests, resubmitted modals) and processed_event (Events API deliveries). A kind prefix
-- keeps the namespaces apart. The rows already there come along, so a request or event Slack
-- retries across the upgrade is still refused.
CREATE TABLE handled_once (
    once_key   VARCHAR(300) PRIMARY KEY,
    handled_at TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO handled_once (once_key, handled_at)
    SELECT 'request:' || request_key, handled_at FROM handled_request;

INSERT INTO handled_once (once_key, handled_at)
    SELECT 'event:' || event_id, received_at FROM processed_event;

-- The janitor deletes by age every hour.
CREATE INDEX handled_once_age ON handled_once (handled_at);

-- handled_request and processed_event stay: replicas of the previous version keep writing to them
-- during a rolling upgrade and would fail every request if they were gone. A later release drops
-- them once no such replica can run.
