-- A rule set replaced through the API was stored as one JSON *string* holding the document (the service
-- bound a Java string to a jsonb parameter, which the PostgreSQL client encodes as a JSON string). Read
-- back as text it was not a rule set: other instances, and this one after a restart, logged "the stored
-- rule set no longer validates" and went on with the default rules. RuleSetRepository now stores the
-- object; this unwraps a rule set stored the old way.
UPDATE rule_set SET rules = (rules #>> '{}')::jsonb WHERE jsonb_typeof(rules) = 'string';
