-- On-call alerts (issue 13): the alert engine's durable state. Times are epoch ms.
--
-- alerts.runtime.AlertWatch follows the change log with the one cursor row below, taken FOR UPDATE SKIP
-- LOCKED: one instance at a time handles a page, and the page's alerts, recipients, deliveries, event
-- memory and the new cursor are written in one transaction, so every change is handled exactly once.

CREATE TABLE alert_cursor (
    id    int    PRIMARY KEY CHECK (id = 1),
    epoch uuid   NOT NULL,          -- the change log's epoch the seq belongs to (change_log.epoch)
    seq   bigint NOT NULL           -- the last change handled
);
-- Alerts start from the log's position now: changes before this version alert nobody.
INSERT INTO alert_cursor (id, epoch, seq) SELECT 1, epoch, seq FROM change_log WHERE id = 1;

-- The escalation policies in force (one row, replaced whole through /api/v1/alerts/policies); absent: the
-- default file (alerts/alert-policies.json).
CREATE TABLE alert_policy_set (
    id         int    PRIMARY KEY CHECK (id = 1),
    policies   jsonb  NOT NULL,
    updated_at bigint NOT NULL
);

-- What the alerts remember of each event from its last change: tells a severity increase, going overdue or
-- a reopen from a signal merely joining.
CREATE TABLE alert_event_memory (
    event_id     uuid    PRIMARY KEY,
    severity     text    NOT NULL,
    overdue      boolean NOT NULL,
    rework_count int     NOT NULL,
    state        text    NOT NULL,
    updated_at   bigint  NOT NULL
);
CREATE INDEX alert_event_memory_updated ON alert_event_memory (updated_at);

CREATE TABLE alert (
    id             uuid   PRIMARY KEY,
    cell           text COLLATE "C" NOT NULL,
    cell_path      text[] NOT NULL,
    category       text   NOT NULL,
    department     text,
    severity       text   NOT NULL CHECK (severity IN ('GREEN', 'YELLOW', 'RED')),
    reason         text   NOT NULL CHECK (reason IN ('raised', 'severity', 'overdue', 'reopened')),
    policy         text   NOT NULL,
    policy_body    jsonb  NOT NULL,    -- the policy as it was when the alert opened: a replaced set does not
                                       -- change a running chain
    step           int    NOT NULL,
    round          int    NOT NULL,
    state          text   NOT NULL CHECK (state IN ('open', 'acked', 'resolved', 'exhausted')),
    next_step_at   bigint,             -- while open: when the chain moves on without an ack
    step_at        bigint NOT NULL,    -- when the current step began
    opened_at      bigint NOT NULL,
    group_until    bigint NOT NULL,    -- a raise in the cell before this joins the alert
    update_pending boolean NOT NULL DEFAULT false,  -- events joined: one update to its people after group_until
    acked_by       text,
    acked_at       bigint,
    ack_channel    text,
    ended_at       bigint,
    end_reason     text,               -- acked, resolved, superseded (a later alert of the event), exhausted
    updated_at     bigint NOT NULL
);
CREATE INDEX alert_due ON alert (next_step_at) WHERE state = 'open';
CREATE INDEX alert_cell_open ON alert (cell, opened_at) WHERE state = 'open';
CREATE INDEX alert_update_due ON alert (group_until) WHERE update_pending;
CREATE INDEX alert_opened ON alert (opened_at);
CREATE INDEX alert_path ON alert USING gin (cell_path);

-- The events of an alert (several when a burst in one cell was grouped).
CREATE TABLE alert_event (
    alert_id uuid   NOT NULL REFERENCES alert ON DELETE CASCADE,
    event_id uuid   NOT NULL,
    reason   text   NOT NULL,
    added_at bigint NOT NULL,
    PRIMARY KEY (alert_id, event_id)
);
CREATE INDEX alert_event_event ON alert_event (event_id);

-- Who was told what: one row per person, step, round and kind (alert, reminder, update), so nobody is told
-- twice of one change, whoever writes it.
CREATE TABLE alert_recipient (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id    uuid   NOT NULL REFERENCES alert ON DELETE CASCADE,
    person_id   text   NOT NULL,
    step        int    NOT NULL,
    round       int    NOT NULL,
    kind        text   NOT NULL CHECK (kind IN ('alert', 'reminder', 'update')),
    source      text   NOT NULL,       -- why this person: cell_workers, oncall:{schedule}, leader, person
    notified_at bigint NOT NULL,
    UNIQUE (alert_id, person_id, step, round, kind)
);
CREATE INDEX alert_recipient_person ON alert_recipient (person_id, alert_id);

-- One row per recipient and channel: each tried on its own, retried with back-off, dead after the last try.
CREATE TABLE alert_delivery (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient_id    bigint NOT NULL REFERENCES alert_recipient ON DELETE CASCADE,
    alert_id        uuid   NOT NULL REFERENCES alert ON DELETE CASCADE,
    person_id       text   NOT NULL,
    channel         text   NOT NULL,
    kind            text   NOT NULL,
    -- pending: not tried yet; sending: claimed by an instance, which is trying it now (next_attempt_at is
    -- when the claim lapses: an instance that stopped mid-try leaves it to be tried again); retry: to be
    -- tried again at next_attempt_at; sent; dead: given up; cancelled: not sent, the alert was acked or
    -- resolved before its turn (last_error says which)
    state           text   NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'retry', 'dead', 'cancelled')),
    attempts        int    NOT NULL DEFAULT 0,
    next_attempt_at bigint,
    last_error      text,
    sent_at         bigint,
    created_at      bigint NOT NULL,
    body            text   NOT NULL
);
CREATE INDEX alert_delivery_due ON alert_delivery (next_attempt_at) WHERE state IN ('pending', 'retry', 'sending');
CREATE INDEX alert_delivery_alert ON alert_delivery (alert_id, id);
CREATE INDEX alert_delivery_dead ON alert_delivery (id) WHERE state = 'dead';

-- The timers look for an alert's acks that reached worker_ack but not the engine (an instance stopped
-- between the commit of the ack and its hand-over).
CREATE INDEX worker_ack_alert ON worker_ack (alert_id) WHERE alert_id IS NOT NULL;

-- A change of the log the alerts could not judge (a bug, or data the tables refused): kept with why, counted
-- (grid.alerts.changes.failed) and skipped, so the changes after it still alert.
CREATE TABLE alert_failed_change (
    seq      bigint PRIMARY KEY,
    event_id uuid   NOT NULL,
    error    text   NOT NULL,
    at       bigint NOT NULL
);
