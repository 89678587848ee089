-- The process review reads the last N resolved incidents, newest resolution first.
CREATE INDEX incident_resolved ON incident (status, resolved_at);
