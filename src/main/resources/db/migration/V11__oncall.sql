-- On call (issue 13). The schedules in force are one document, replaced whole through the API
-- (PUT /api/v1/oncall/schedules) after it validated as a whole, like the rule set: one row, with a version
-- that every replacement raises, so that each instance sees another's replacement by comparing versions.
CREATE TABLE oncall_schedules (
    id         int    PRIMARY KEY CHECK (id = 1),
    document   jsonb  NOT NULL,
    version    bigint NOT NULL,
    updated_at bigint NOT NULL,
    updated_by text
);

-- Each person's contact preferences, as they (or an admin or dispatcher) stored them: channels in order of
-- preference ("terminal", "browser", "webhook:{name}") and quiet hours in the city's time (both or none).
-- A person with no row gets the defaults (oncall.ContactRules).
CREATE TABLE oncall_contact (
    person_id  text    PRIMARY KEY,
    channels   text[]  NOT NULL CHECK (cardinality(channels) > 0),
    quiet_from time,
    quiet_to   time,
    updated_at bigint  NOT NULL,
    CHECK ((quiet_from IS NULL) = (quiet_to IS NULL))
);
CREATE INDEX oncall_contact_updated ON oncall_contact (updated_at);
