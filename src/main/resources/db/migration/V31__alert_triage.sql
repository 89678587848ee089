-- Triage of alert groups (SPEC section 11): the Slack card of each group, who judged it noise, the
-- incident it belongs to, and the delivery bookkeeping of its card (the same lease and fencing
-- pattern as war_room: one replica draws a group's card at a time, every write names its claim).
-- revision: bumped by every change the card shows; card_revision: the revision last drawn.
ALTER TABLE alert_group ADD COLUMN revision BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE alert_group ADD COLUMN incident_id BIGINT;
-- declared (from the card), auto (declared by itself), attached (to an open incident)
ALTER TABLE alert_group ADD COLUMN attach_kind VARCHAR(16);
ALTER TABLE alert_group ADD COLUMN attached_by VARCHAR(64);
ALTER TABLE alert_group ADD COLUMN attached_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE alert_group ADD COLUMN noise_by VARCHAR(64);
ALTER TABLE alert_group ADD COLUMN noise_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE alert_group ADD COLUMN card_channel VARCHAR(32);
ALTER TABLE alert_group ADD COLUMN card_ts VARCHAR(32);
ALTER TABLE alert_group ADD COLUMN card_revision BIGINT DEFAULT 0 NOT NULL;
-- when the card was last tried: a retry after a lost answer looks for the post since then
ALTER TABLE alert_group ADD COLUMN card_attempted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE alert_group ADD COLUMN card_failures INT DEFAULT 0 NOT NULL;
ALTER TABLE alert_group ADD COLUMN card_retry_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE alert_group ADD COLUMN lease_owner VARCHAR(400);
ALTER TABLE alert_group ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE alert_group ADD COLUMN lease_generation BIGINT DEFAULT 0 NOT NULL;
-- the group's status as its incident last heard it (timeline: alert fired / alert resolved)
ALTER TABLE alert_group ADD COLUMN incident_status VARCHAR(16);
-- the last short line about this group in its incident's war room (at most one a minute)
ALTER TABLE alert_group ADD COLUMN room_line_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX alert_group_incident ON alert_group (incident_id);
CREATE INDEX alert_group_card_retry ON alert_group (card_retry_at);
