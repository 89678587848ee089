-- Leases that hold in production.
-- A lease owner is "<node>:<port>/<uuid>", and a node's name can be as long as DNS allows (253
-- characters; a Kubernetes pod's name alone is up to 63): 64 did not fit, so no claim ever stuck.
ALTER TABLE war_room ALTER COLUMN lease_owner SET DATA TYPE VARCHAR(400);
-- The fencing token: each claim of a room adds one. Every write a holder makes under its lease
-- names the generation it claimed, in the same statement, so a holder that was paused past its
-- lease (a long GC, a frozen VM) and lost the room to another replica changes nothing.
ALTER TABLE war_room ADD COLUMN lease_generation BIGINT DEFAULT 0 NOT NULL;
