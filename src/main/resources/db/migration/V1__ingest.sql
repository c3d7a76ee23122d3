-- Ingest storage: every accepted signal, every dead letter, and the sender registry.
-- Times are epoch milliseconds (bigint), as in the MQTT contract. Telemetry and worker positions,
-- the two high-volume feeds, are range-partitioned by day on the sender's ts; the service creates
-- partitions ahead and drops those past the retention window (store.PartitionMaintainer).
-- A signal's identity is (sender, seq); ts is part of each unique key because a partitioned
-- table's unique index must include the partition key. A redelivered duplicate is byte-identical,
-- so it carries the same ts and is recognised.

CREATE TABLE telemetry (
    device_id   text             NOT NULL,
    seq         bigint           NOT NULL,
    ts          bigint           NOT NULL,
    received_at bigint           NOT NULL,
    metrics     jsonb            NOT NULL,
    lat         double precision,
    lon         double precision
) PARTITION BY RANGE (ts);
-- Also serves "latest reading of a device" as a backward index scan.
CREATE UNIQUE INDEX telemetry_identity ON telemetry (device_id, ts, seq);
CREATE TABLE telemetry_default PARTITION OF telemetry DEFAULT;

CREATE TABLE worker_position (
    worker_id   text             NOT NULL,
    seq         bigint           NOT NULL,
    ts          bigint           NOT NULL,
    received_at bigint           NOT NULL,
    lat         double precision NOT NULL,
    lon         double precision NOT NULL,
    accuracy    double precision,
    battery     double precision
) PARTITION BY RANGE (ts);
CREATE UNIQUE INDEX worker_position_identity ON worker_position (worker_id, ts, seq);
CREATE TABLE worker_position_default PARTITION OF worker_position DEFAULT;

CREATE TABLE detection (
    camera_id    text             NOT NULL,
    seq          bigint           NOT NULL,
    ts           bigint           NOT NULL,
    received_at  bigint           NOT NULL,
    kind         text             NOT NULL,
    known_kind   boolean          NOT NULL,
    confidence   double precision NOT NULL,
    snapshot_url text,
    lat          double precision,
    lon          double precision,
    PRIMARY KEY (camera_id, seq)
);
CREATE INDEX detection_ts ON detection (ts);

CREATE TABLE worker_report (
    report_id   uuid             PRIMARY KEY,
    worker_id   text             NOT NULL,
    ts          bigint           NOT NULL,
    received_at bigint           NOT NULL,
    category    text             NOT NULL,
    description text,
    lat         double precision NOT NULL,
    lon         double precision NOT NULL,
    photos      text[]           NOT NULL,
    severity    text CHECK (severity IN ('GREEN', 'YELLOW', 'RED'))
);
CREATE INDEX worker_report_worker ON worker_report (worker_id, ts);

CREATE TABLE worker_ack (
    worker_id   text   NOT NULL,
    ts          bigint NOT NULL,
    received_at bigint NOT NULL,
    alert_id    text,
    event_id    text,
    action      text,
    CHECK ((alert_id IS NULL) <> (event_id IS NULL))
);
CREATE UNIQUE INDEX worker_ack_identity ON worker_ack (worker_id, ts, coalesce(alert_id, event_id));

CREATE TABLE device_status (
    device_id   text    NOT NULL,
    ts          bigint  NOT NULL,
    received_at bigint  NOT NULL,
    online      boolean NOT NULL,
    PRIMARY KEY (device_id, ts)
);

CREATE TABLE dead_letter (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reason       text   NOT NULL,
    detail       text   NOT NULL,
    topic        text   NOT NULL,
    source       text   NOT NULL,
    sender_id    text,
    received_at  bigint NOT NULL,
    payload      bytea  NOT NULL,
    payload_size int    NOT NULL
);
CREATE INDEX dead_letter_received ON dead_letter (received_at, id);
CREATE INDEX dead_letter_reason ON dead_letter (reason, received_at, id);

-- The registry of senders; consulted when grid.ingest.require-registration is on.
CREATE TABLE device (
    id            text   PRIMARY KEY,
    kind          text   NOT NULL CHECK (kind IN ('sensor', 'camera')),
    registered_at bigint NOT NULL
);

CREATE TABLE worker (
    id            text   PRIMARY KEY,
    registered_at bigint NOT NULL
);
