-- A declaration is acked once its incident row is stored. What the declaration sets in motion (the
-- war room to build, the timeline's first entry, the heartbeat) is recorded just after, off the
-- request's path, by the declaration intake; while that is pending the incident is "in intake".
-- Rows stored before this migration were recorded in one go, so they start out of intake; rows
-- inserted from now on start in intake, and the intake (or its sweep, after a crash) takes each
-- out exactly once.
ALTER TABLE incident ADD COLUMN in_intake BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE incident ALTER COLUMN in_intake SET DEFAULT TRUE;
-- No index of its own: one more index write on every declaration's ack. An incident in intake is
-- always still investigating (every change finishes its intake first), so the sweep finds them
-- through incident_status.
