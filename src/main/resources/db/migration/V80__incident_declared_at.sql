-- Insights read the incidents declared in a range of months.
CREATE INDEX incident_declared_at ON incident (declared_at);
