-- Events run as cases (the national seven-step workflow), their append-only history, and the
-- durable change log that live screens resume from (CONTRACT section 3).
--
-- One open event per (cell, category): the partial unique index below is the arbiter, so a signal
-- for an open event joins it (INSERT ... ON CONFLICT ... DO UPDATE) instead of raising a second one,
-- whatever the number of concurrent writers or service instances.

CREATE TABLE event (
    id             uuid    PRIMARY KEY,
    cell           text COLLATE "C" NOT NULL,
    cell_path      text[]  NOT NULL,
    category       text    NOT NULL,
    severity       text    NOT NULL CHECK (severity IN ('GREEN', 'YELLOW', 'RED')),
    state          text    NOT NULL,
    level          text    NOT NULL DEFAULT 'cell' CHECK (level IN ('cell', 'street', 'district')),
    department     text,
    assignee       text,
    origin         text    NOT NULL CHECK (origin IN ('rule', 'report', 'hotline', 'dispatcher')),
    reporter_kind  text,               -- worker, sensor, camera, hotline, screen
    reporter       text,               -- the reporting worker / device / caller, for verification and statistics
    report_id      uuid    UNIQUE,     -- a worker report becomes at most one case (idempotent by reportId)
    trigger        jsonb   NOT NULL,   -- {"source","id","seq","ts"} of the signal that raised it
    description    text,
    signals        int     NOT NULL DEFAULT 1,
    sources        text[]  NOT NULL DEFAULT '{}',  -- distinct "kind:id" that signalled it
    step           text,               -- the step whose deadline runs: register, dispatch, handle, verify
    deadline       bigint,
    overdue        boolean NOT NULL DEFAULT false,
    rework_count   int     NOT NULL DEFAULT 0,
    escalations    int     NOT NULL DEFAULT 0,
    merged_into    uuid,
    evaluation     text,
    created_at     bigint  NOT NULL,
    registered_at  bigint,
    dispatched_at  bigint,
    closed_at      bigint,
    closed_on_time boolean,
    updated_at     bigint  NOT NULL,
    open           boolean NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX event_one_open ON event (cell, category) WHERE open;
CREATE INDEX event_cell ON event (cell, created_at);
CREATE INDEX event_deadline ON event (deadline) WHERE open AND deadline IS NOT NULL;
CREATE INDEX event_created ON event (created_at);

CREATE TABLE event_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    uuid   NOT NULL REFERENCES event ON DELETE CASCADE,
    at          bigint NOT NULL,
    action      text   NOT NULL,
    actor       text   NOT NULL,
    role        text   NOT NULL,
    from_state  text,
    to_state    text   NOT NULL,
    note        text,
    attachments text[] NOT NULL DEFAULT '{}',
    detail      jsonb  NOT NULL DEFAULT '{}'
);
CREATE INDEX event_history_event ON event_history (event_id, id);

-- Every event change, in the transaction that made it, with a global increasing seq.
CREATE TABLE event_change (
    seq       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id  uuid   NOT NULL,
    cell      text COLLATE "C" NOT NULL,
    cell_path text[] NOT NULL,
    type      text   NOT NULL CHECK (type IN ('event.raised', 'event.updated')),
    at        bigint NOT NULL,
    body      jsonb  NOT NULL
);
CREATE INDEX event_change_cell ON event_change (cell, seq);

-- The rule set in force (one row, replaced whole through /api/v1/rules); absent: the default file.
CREATE TABLE rule_set (
    id         int    PRIMARY KEY CHECK (id = 1),
    rules      jsonb  NOT NULL,
    updated_at bigint NOT NULL
);
CREATE INDEX event_path ON event USING gin (cell_path);
